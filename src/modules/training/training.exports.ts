import { H, inLanguage, type ListExport, pagedExport } from "../../platform/list-export.js";
import { CertificateQuery, RegistryQuery } from "./training.schemas.js";
import { getRegistry, listCertificates } from "./training.service.js";

export const trainingExports: ListExport[] = [
  pagedExport({
    kind: "certificates",
    summary: "Every certificate the list shows for the same filters, as CSV or XLSX",
    query: CertificateQuery,
    page: listCertificates,
    columns: [
      [H.number, (c) => c.number],
      [{ en: "Holder", az: "Sahibi", ru: "Владелец" }, (c) => c.holderName],
      [H.nation, (c) => c.nationCode],
      [
        { en: "Course", az: "Kurs", ru: "Курс" },
        (c, lang) => inLanguage(lang, c.courseTitle.en, c.courseTitle.az, c.courseTitle.ru),
      ],
      [{ en: "Qualification", az: "İxtisas", ru: "Квалификация" }, (c) => c.qualificationCode],
      [{ en: "Issued on", az: "Verilmə tarixi", ru: "Дата выдачи" }, (c) => c.issuedOn],
      [H.validFrom, (c) => c.validFrom],
      [H.validUntil, (c) => c.validUntil],
      [H.status, (c) => c.status],
    ],
  }),
  pagedExport({
    kind: "registry",
    summary: "The certified registry of a qualification for the same filters, as CSV or XLSX",
    query: RegistryQuery,
    page: getRegistry,
    columns: [
      [H.familyName, (r) => r.familyName],
      [H.givenName, (r) => r.givenName],
      [H.rank, (r) => r.rankTitle],
      [H.nation, (r) => r.nationCode],
      [{ en: "Certificate", az: "Sertifikat", ru: "Сертификат" }, (r) => r.certificateNumber],
      [H.validFrom, (r) => r.validFrom],
      [H.validUntil, (r) => r.validUntil],
      [{ en: "Days left", az: "Qalan günlər", ru: "Осталось дней" }, (r) => r.daysLeft],
    ],
  }),
];

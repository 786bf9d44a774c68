import { H, type ListExport, pagedExport } from "../../platform/list-export.js";
import { PersonQuery } from "./directory.schemas.js";
import { listPeople } from "./directory.service.js";

/** The people list; its headers are the ones the people import recognises, so an exported file imports back. */
export const directoryExports: ListExport[] = [
  pagedExport({
    kind: "people",
    summary:
      "Every person the list shows for the same filters, as CSV or XLSX (the people import reads it back)",
    query: PersonQuery,
    page: listPeople,
    columns: [
      [H.givenName, (p) => p.givenName],
      [H.familyName, (p) => p.familyName],
      [H.nation, (p) => p.nation?.code ?? null],
      [H.rank, (p) => p.rankTitle],
      [{ en: "Email", az: "E-poçt", ru: "Эл. почта" }, (p) => p.email],
      [{ en: "Phone", az: "Telefon", ru: "Телефон" }, (p) => p.phone],
      [{ en: "Languages", az: "Dillər", ru: "Языки" }, (p) => p.languages],
      [H.organisation, (p) => p.currentOrganisation?.code ?? null],
    ],
  }),
];

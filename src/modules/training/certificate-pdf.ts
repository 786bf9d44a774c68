import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { formatDateText } from "../../platform/dates.js";

const require = createRequire(import.meta.url);
// pdfkit's standard fonts have neither Cyrillic nor the Azerbaijani schwa (ə): DejaVu Sans, from an npm package, has.
const FONT_REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export type Language = "en" | "az" | "ru";

const TEXT: Record<
  Language,
  {
    title: string;
    certifies: string;
    completed: string;
    held: string;
    qualification: string;
    validUntil: string;
    noExpiry: string;
    number: string;
    issued: string;
    verify: string;
    issuer: string;
    signatory: string;
    titleFirst?: boolean;
  }
> = {
  en: {
    title: "Certificate",
    certifies: "This is to certify that",
    completed: "has successfully completed the course",
    held: "held from {from} to {to}",
    qualification: "Qualification",
    validUntil: "Valid until",
    noExpiry: "no expiry",
    number: "Certificate No.",
    issued: "Issued on",
    verify: "Verify this certificate",
    issuer: "Issued by",
    signatory: "Signed by",
  },
  az: {
    title: "Sertifikat",
    certifies: "Bununla təsdiq edilir ki,",
    // Azerbaijani puts the verb last: "<course> üzrə təlimi uğurla başa vurmuşdur".
    completed: "üzrə təlimi uğurla başa vurmuşdur",
    titleFirst: true,
    held: "{from} – {to} tarixlərində keçirilmişdir",
    qualification: "İxtisas",
    validUntil: "Etibarlılıq müddəti",
    noExpiry: "müddətsiz",
    number: "Sertifikat №",
    issued: "Verilmə tarixi",
    verify: "Sertifikatı yoxlayın",
    issuer: "Verən təşkilat",
    signatory: "İmzalayan",
  },
  ru: {
    title: "Сертификат",
    certifies: "Настоящим удостоверяется, что",
    completed: "успешно завершил(а) курс",
    held: "проведённый с {from} по {to}",
    qualification: "Квалификация",
    validUntil: "Действителен до",
    noExpiry: "бессрочно",
    number: "Сертификат №",
    issued: "Дата выдачи",
    verify: "Проверить сертификат",
    issuer: "Выдан организацией",
    signatory: "Подписал",
  },
};

/** Each language's own way to write a date, as the web app does: `8 March 2027`, `8 mart 2027`, `8 марта 2027 г.`. */
const formatDate = (iso: string, language: Language) => formatDateText(iso, language);

export interface CertificatePdfInput {
  language: Language;
  number: string;
  holderName: string;
  courseTitle: string;
  courseStartsOn: string;
  courseEndsOn: string;
  qualificationName: string | null;
  issuedOn: string;
  validUntil: string | null;
  /** The institution that awards it (the course's host, else its organiser) and who signed it. */
  issuerName: string;
  signatoryName: string | null;
  verificationUrl: string;
  /** Tests turn compression off to read the content stream directly; parsers read either. */
  compress?: boolean;
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const text = TEXT[input.language];
  const qr = await QRCode.toBuffer(input.verificationUrl, {
    errorCorrectionLevel: "M",
    margin: 1,
    width: 220,
  });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 50,
    compress: input.compress ?? true,
    info: { Title: `${text.title} ${input.number}`, Author: input.issuerName, Subject: input.courseTitle },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const width = doc.page.width - 100;

  doc
    .rect(25, 25, doc.page.width - 50, doc.page.height - 50)
    .lineWidth(2)
    .stroke("#1c3d6e");
  doc.font("bold").fontSize(34).fillColor("#1c3d6e").text(text.title, 50, 70, { width, align: "center" });
  doc.moveDown(0.8);
  doc.font("regular").fontSize(14).fillColor("#000").text(text.certifies, { width, align: "center" });
  doc.moveDown(0.4);
  doc.font("bold").fontSize(24).text(input.holderName, { width, align: "center" });
  doc.moveDown(0.4);
  const completed = () => doc.font("regular").fontSize(14).text(text.completed, { width, align: "center" });
  const title = () => doc.font("bold").fontSize(18).text(input.courseTitle, { width, align: "center" });
  if (text.titleFirst) {
    title();
    doc.moveDown(0.3);
    completed();
  } else {
    completed();
    doc.moveDown(0.4);
    title();
  }
  doc.moveDown(0.3);
  doc
    .font("regular")
    .fontSize(12)
    .text(
      text.held
        .replace("{from}", formatDate(input.courseStartsOn, input.language))
        .replace("{to}", formatDate(input.courseEndsOn, input.language)),
      { width, align: "center" },
    );

  const left = 70;
  let y = doc.page.height - 220;
  const line = (label: string, value: string) => {
    doc.font("regular").fontSize(11).fillColor("#444").text(`${label}: `, left, y, { continued: true });
    doc.font("bold").fillColor("#000").text(value);
    y += 20;
  };
  line(text.issuer, input.issuerName);
  if (input.signatoryName) line(text.signatory, input.signatoryName);
  line(text.number, input.number);
  line(text.issued, formatDate(input.issuedOn, input.language));
  if (input.qualificationName) line(text.qualification, input.qualificationName);
  line(text.validUntil, input.validUntil ? formatDate(input.validUntil, input.language) : text.noExpiry);

  const qrSize = 120;
  const qrX = doc.page.width - 70 - qrSize;
  const qrY = doc.page.height - 215;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc
    .font("regular")
    .fontSize(8)
    .fillColor("#444")
    .text(text.verify, qrX - 60, qrY + qrSize + 4, { width: qrSize + 60, align: "right" });
  doc.end();
  return done;
}

import ExcelJS from "exceljs";
import type { Agent, TestApp } from "./test-app.js";

/** Uploads and workbooks for the import tests (the multipart form the web page and the CLI send). */

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** POSTs `content` as the multipart field `file` to an import route; returns the status and parsed body. */
export async function upload(
  t: TestApp,
  agent: Agent,
  url: string,
  filename: string,
  content: Buffer | string,
  type = filename.endsWith(".xlsx") ? XLSX_TYPE : "text/csv",
) {
  const boundary = `----accord${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.app.inject({
    method: "POST",
    url,
    headers: {
      cookie: agent.cookie!,
      "x-csrf-token": agent.csrfToken!,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

/** An XLSX file of one sheet with these rows. */
export async function workbook(rows: (string | number | Date)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sheet 1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** How many audit entries have this action. */
export async function auditCount(t: TestApp, action: string) {
  const row = await t.db
    .selectFrom("auditEntry")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

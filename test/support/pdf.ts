import { PDFParse } from "pdf-parse";
import type { Agent } from "./test-app.js";

/** The text of a PDF and its number of pages, as a reader's parser sees them. */
export async function readPdf(data: Buffer): Promise<{ text: string; pages: number; pageTexts: string[] }> {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total, pageTexts: result.pages.map((page) => page.text) };
  } finally {
    await parser.destroy();
  }
}

/** GETs a report as the agent; the PDF's text when it answered one, else the status and body for the refusal. */
export async function getPdf(agent: Agent, url: string) {
  const response = await agent.app.inject({
    method: "GET",
    url,
    headers: agent.cookie ? { cookie: agent.cookie } : {},
  });
  const isPdf = String(response.headers["content-type"]).startsWith("application/pdf");
  return {
    status: response.statusCode,
    contentType: response.headers["content-type"],
    disposition: response.headers["content-disposition"],
    ...(isPdf ? await readPdf(response.rawPayload) : { text: "", pages: 0, pageTexts: [] as string[] }),
    body: isPdf ? null : (JSON.parse(response.body || "null") as { code?: string } | null),
  };
}

/** pdf.js writes a space between glyph runs it places apart; compare text with runs of white space collapsed. */
export const squash = (text: string) => text.replace(/\s+/g, " ");

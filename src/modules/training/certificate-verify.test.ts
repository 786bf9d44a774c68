import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** Issue 20: a certificate names who issued and signed it, on paper and on the public page, found by its number. */
let t: TestApp;
let admin: Agent;
let certificate: { id: string; number: string; holderName: string };
let issuerName: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  const courses = await t.anonymous.get("/api/training/courses?q=CREVAL");
  const course = await t.anonymous.get(`/api/training/courses/${courses.body.items[0].id}`);
  const eventId = course.body.runs.find((r: { signedOffAt: string | null }) => r.signedOffAt).eventId;
  const list = await admin.get(`/api/training/certificates?eventId=${eventId}&limit=1`);
  certificate = list.body.items[0];
  const host = await t.db
    .selectFrom("organisation")
    .select("nameEn")
    .where("code", "=", "AZE-NDU-WGC")
    .executeTakeFirstOrThrow();
  issuerName = host.nameEn;
});
afterAll(() => t.close());

const lookup = (number: string, holder: string, ip = "10.0.1.1") =>
  t.app.inject({
    method: "GET",
    url: `/api/public/certificate-lookup?number=${encodeURIComponent(number)}&holder=${encodeURIComponent(holder)}`,
    remoteAddress: ip,
  });

const familyName = () => certificate.holderName.split(/\s+/).at(-1)!;

describe("certificate verification by number", () => {
  it("finds a certificate by its number and the holder's family name, with its issuer and qualification", async () => {
    const reply = await lookup(certificate.number, familyName().toUpperCase());
    expect(reply.statusCode, reply.body).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.number).toBe(certificate.number);
    expect(body.holderName).toBe(certificate.holderName);
    expect(body.issuer.en).toBe(issuerName);
    expect(body.qualification?.en).toBeTruthy();
    expect(body.status).toBe("valid");
    expect(reply.headers["cache-control"]).toBe("no-store");
  });

  it("answers 404 for a right number with another name, and for an unknown number", async () => {
    expect((await lookup(certificate.number, "Nobody")).statusCode).toBe(404);
    expect((await lookup("ACC-1999-999999", familyName())).statusCode).toBe(404);
    expect((await lookup(certificate.number, "")).statusCode).toBe(400);
  });

  it("shares the verification's rate limit per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await lookup(certificate.number, "Nobody", "10.0.9.9")).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses[20]).toBe(429);
  });
});

describe("certificate PDF", () => {
  it("names the issuing institution and the signatory", async () => {
    const reply = await t.app.inject({
      method: "GET",
      url: `/api/training/certificates/${certificate.id}/pdf`,
      headers: { cookie: admin.cookie! },
    });
    expect(reply.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(reply.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain(`Issued by: ${issuerName}`);
    expect(text).toMatch(/Signed by: \S+/);
  });
});

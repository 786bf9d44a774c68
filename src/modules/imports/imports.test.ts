import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

let unique = 0;
/** A fresh e-mail domain per test, so the tests' people never collide. */
const tag = () => `t${++unique}${Date.now().toString(36)}`;

async function send(
  agent: Agent,
  url: string,
  filename: string,
  content: Buffer | string,
  contentType = "text/csv",
) {
  const boundary = `----accord${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
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

const countPeople = async (domain: string) =>
  Number(
    (
      await t.db
        .selectFrom("person")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("email", "like", `%@${domain}.example`)
        .executeTakeFirstOrThrow()
    ).n,
  );

const auditCount = async (action: string) =>
  Number(
    (
      await t.db
        .selectFrom("auditEntry")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("people import: preview", () => {
  it("recognises Azerbaijani headers and names every row's errors by row and column, writing nothing", async () => {
    const d = tag();
    const csv = [
      "Ad;Soyad;Ölkə;E-poçt;Təşkilat;Vəzifə;Başlama tarixi",
      `Əli;Məmmədov;AZE;ali@${d}.example;AZE-MOD;Analyst;01.03.2026`,
      `;Hüseynova;AZE;lale@${d}.example;;;`,
      `Kamil;Quliyev;XXX;kamil@${d}.example;;;`,
      `Nərmin;Əliyeva;AZE;not-an-email;;;2026-02-30`,
      `Əli;Məmmədov;AZE;ali@${d}.example;;;`,
      `Rəşad;Babayev;AZE;resad@${d}.example;NO-SUCH-ORG;;`,
    ].join("\r\n");
    const reply = await send(admin, "/api/imports/people/preview", "people.csv", csv);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ";", rowCount: 6 });
    expect(reply.body.mapping).toMatchObject({
      givenName: "Ad",
      familyName: "Soyad",
      nation: "Ölkə",
      email: "E-poçt",
      organisation: "Təşkilat",
      position: "Vəzifə",
      startedOn: "Başlama tarixi",
    });
    expect(
      reply.body.errors.map((e: { row: number; column: string; header: string }) => [
        e.row,
        e.column,
        e.header,
      ]),
    ).toEqual([
      [3, "givenName", "Ad"],
      [4, "nation", "Ölkə"],
      [5, "email", "E-poçt"],
      [5, "startedOn", "Başlama tarixi"],
    ]);
    expect(reply.body.errors[1].message).toContain("XXX");
    expect(reply.body.warnings.map((w: { row: number; column: string | null }) => [w.row, w.column])).toEqual(
      [
        [5, "organisation"], // a start date without an organisation is ignored
        [6, null], // the same person as row 2
        [7, "organisation"], // unknown organisation code: imported without the affiliation
      ],
    );
    expect(reply.body.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 3 });
    expect(reply.body.rows[0]).toMatchObject({ row: 2, action: "create" });
    expect(reply.body.rows[1]).toMatchObject({ row: 3, action: null });
    expect(await countPeople(d)).toBe(0);
  });

  it("reads Russian headers from a Windows-1251 file and an XLSX with English headers", async () => {
    const d = tag();
    const cp1251 = (text: string) =>
      Buffer.from(
        [...text].map((c) => {
          const code = c.charCodeAt(0);
          return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
        }),
      );
    const russian = await send(
      admin,
      "/api/imports/people/preview",
      "люди.csv",
      cp1251(`Имя;Фамилия;Страна;Эл. почта\r\nИван;Петров;GEO;ivan@${d}.example\r\n`),
      "application/vnd.ms-excel",
    );
    expect(russian.status, JSON.stringify(russian.body)).toBe(200);
    expect(russian.body.encoding).toBe("windows-1251");
    expect(russian.body.mapping).toEqual({
      givenName: "Имя",
      familyName: "Фамилия",
      nation: "Страна",
      email: "Эл. почта",
    });
    expect(russian.body.rows[0].values).toMatchObject({ givenName: "Иван", familyName: "Петров" });
    expect(russian.body.errors).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("People");
    sheet.addRow(["Given name", "Family name", "Nation", "E-mail", "Started on"]);
    sheet.addRow(["Aynur", "Quliyeva", "AZE", `aynur@${d}.example`, new Date(Date.UTC(2026, 0, 15))]);
    const xlsx = await send(
      admin,
      "/api/imports/people/preview",
      "people.xlsx",
      Buffer.from(await workbook.xlsx.writeBuffer()),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(200);
    expect(xlsx.body.counts.create).toBe(1);
    expect(xlsx.body.rows[0].values.startedOn).toBe("2026-01-15");
  });

  it("reports a missing required column, and takes an explicit mapping that is then remembered", async () => {
    const d = tag();
    const csv = `Vorname,Nachname,Land,Mail\nHans,Muster,DEU,hans@${d}.example\n`;
    const unmapped = await send(admin, "/api/imports/people/preview", "people.csv", csv);
    expect(unmapped.status).toBe(200);
    expect(unmapped.body.missing).toEqual(["givenName", "familyName", "nation"]);
    expect(unmapped.body.headers).toEqual(["Vorname", "Nachname", "Land", "Mail"]);

    const refused = await send(admin, "/api/imports/people/commit", "people.csv", csv);
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      "mapping.givenName",
      "mapping.familyName",
      "mapping.nation",
    ]);

    const mapping = JSON.stringify({
      givenName: "Vorname",
      familyName: "Nachname",
      nation: "Land",
      email: "Mail",
    });
    const committed = await send(
      admin,
      `/api/imports/people/commit?mapping=${encodeURIComponent(mapping)}`,
      "people.csv",
      csv,
    );
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.created).toBe(1);
    // The next file with the same headers needs no mapping.
    const again = await send(admin, "/api/imports/people/preview", "people2.csv", csv);
    expect(again.body.missing).toEqual([]);
    expect(again.body.mapping.email).toBe("Mail");
    expect(again.body.counts).toMatchObject({ unchanged: 1, create: 0 });

    const badMapping = await send(
      admin,
      `/api/imports/people/preview?mapping=${encodeURIComponent(JSON.stringify({ givenName: "Nope" }))}`,
      "people.csv",
      csv,
    );
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.fields[0].field).toBe("query.mapping.givenName");
  });
});

describe("people import: commit", () => {
  it("is all-or-nothing: one bad row refuses the whole file with its row and column, nothing written", async () => {
    const d = tag();
    const csv = [
      "given name,family name,nation,email",
      `Anna,Smith,AZE,anna@${d}.example`,
      `Bob,Jones,ZZZ,bob@${d}.example`,
    ].join("\n");
    const before = await auditCount("import.people");
    const reply = await send(admin, "/api/imports/people/commit", "people.csv", csv);
    expect(reply.status).toBe(422);
    expect(reply.body.fields).toEqual([
      { field: "file.rows.3.nation", message: "the nation code ZZZ is not known" },
    ]);
    expect(await countPeople(d)).toBe(0);
    expect(await auditCount("import.people")).toBe(before);
  });

  it("imports only the valid rows when asked, with one audit entry and the original file stored", async () => {
    const d = tag();
    const csv = [
      "given name,family name,nation,email,organisation,position",
      `Anna,Smith,AZE,anna@${d}.example,AZE-MOD,Analyst`,
      `Bob,Jones,ZZZ,bob@${d}.example,,`,
      `Cem,Yilmaz,TUR,cem@${d}.example,,`,
    ].join("\n");
    const before = await auditCount("import.people");
    const reply = await send(admin, "/api/imports/people/commit?mode=valid", "people.csv", csv);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ mode: "valid", created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(reply.body.errors).toHaveLength(1);
    expect(await countPeople(d)).toBe(2);
    expect(await auditCount("import.people")).toBe(before + 1);
    const entry = await t.db
      .selectFrom("auditEntry")
      .selectAll()
      .where("action", "=", "import.people")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.recordId).toBe(reply.body.fileId);
    const file = await t.db
      .selectFrom("storedFile")
      .select(["filename", "content"])
      .where("id", "=", reply.body.fileId)
      .executeTakeFirstOrThrow();
    expect(file.filename).toBe("people.csv");
    expect(file.content.toString("utf8")).toBe(csv);
    const anna = await t.db
      .selectFrom("person")
      .innerJoin("personAffiliation", "personAffiliation.personId", "person.id")
      .select(["person.id", "personAffiliation.position"])
      .where("email", "=", `anna@${d}.example`)
      .execute();
    expect(anna).toEqual([{ id: expect.any(String), position: "Analyst" }]);
  });

  it("changes nothing when the same file is imported again, and updates by the natural key", async () => {
    const d = tag();
    const csv = [
      "given name,family name,nation,email,rank,organisation,position",
      `Anna,Smith,AZE,anna@${d}.example,Major,AZE-MOD,Analyst`,
      `Leyla,Karimova,AZE,,Captain,,`,
    ].join("\n");
    const first = await send(admin, "/api/imports/people/commit", "people.csv", csv);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created).toBe(2);
    const snapshot = async () =>
      t.db
        .selectFrom("person")
        .selectAll()
        .where((eb) => eb.or([eb("email", "=", `anna@${d}.example`), eb("familyName", "=", "Karimova")]))
        .orderBy("id")
        .execute();
    const before = await snapshot();
    const audits = await auditCount("import.people");
    const affiliations = await t.db.selectFrom("personAffiliation").select("id").execute();

    const second = await send(admin, "/api/imports/people/commit", "people.csv", csv);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, fileId: null });
    expect(await snapshot()).toEqual(before);
    expect(await auditCount("import.people")).toBe(audits);
    expect(await t.db.selectFrom("personAffiliation").select("id").execute()).toHaveLength(
      affiliations.length,
    );

    const changed = csv.replace("Major", "Colonel").replace("Captain", "Major");
    const third = await send(admin, "/api/imports/people/commit", "people.csv", changed);
    expect(third.body).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect((await snapshot()).map((p) => p.rankTitle).sort()).toEqual(["Colonel", "Major"]);
  });

  it("holds each row to the importer's scope: a coordinator imports only their nation's people", async () => {
    const d = tag();
    const csv = [
      "given name,family name,nation,email",
      `Own,Person,AZE,own@${d}.example`,
      `Other,Person,GEO,other@${d}.example`,
    ].join("\n");
    const preview = await send(azeCoordinator, "/api/imports/people/preview", "people.csv", csv);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      {
        row: 3,
        column: "nation",
        header: "nation",
        message: "you may not import people of nation GEO",
      },
    ]);
    const refused = await send(azeCoordinator, "/api/imports/people/commit", "people.csv", csv);
    expect(refused.status).toBe(422);
    expect(await countPeople(d)).toBe(0);
    const valid = await send(azeCoordinator, "/api/imports/people/commit?mode=valid", "people.csv", csv);
    expect(valid.body.created).toBe(1);
    expect(await countPeople(d)).toBe(1);

    // A person of another nation the coordinator cannot change, matched by e-mail.
    const geo = await send(
      admin,
      "/api/imports/people/commit",
      "geo.csv",
      `given name,family name,nation,email\nNino,Beridze,GEO,nino@${d}.example\n`,
    );
    expect(geo.body.created).toBe(1);
    const takeOver = await send(
      azeCoordinator,
      "/api/imports/people/preview",
      "geo.csv",
      `given name,family name,nation,email\nNino,Beridze,AZE,nino@${d}.example\n`,
    );
    expect(takeOver.body.errors[0]).toMatchObject({ row: 2, column: "nation" });

    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    const denied = await send(participant, "/api/imports/people/preview", "people.csv", csv);
    expect(denied.status).toBe(403);
  });

  it("refuses a 50 MB file with 413 naming the file, and writes nothing", async () => {
    const domain = tag();
    const row = (i: number) => `Given${i},Family${i},AZE,p${i}@${domain}.example\n`;
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i)).join("");
    const file = Buffer.from(
      `given name,family name,nation,email\n${rows.repeat(Math.ceil(50e6 / rows.length))}`,
    );
    expect(file.length).toBeGreaterThan(50e6);
    const reply = await send(admin, "/api/imports/people/commit", "people.csv", file);
    expect(reply.status).toBe(413);
    expect(reply.body.fields[0]).toEqual({ field: "file", message: "too large" });
    expect(await countPeople(domain)).toBe(0);
  });

  it("answers a bad file with 400 naming the field, never a 5xx", async () => {
    const cases: [string, Buffer | string, string][] = [
      ["people.pdf", "%PDF-1.4 not a table", "application/pdf"],
      ["people.xlsx", "given name,family name\n", "text/csv"],
      ["people.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "text/csv"],
      ["people.csv", 'given name,family name,nation\n"unclosed,x,AZE\n', "text/csv"],
      ["people.csv", Buffer.from([0x61, 0x00, 0x62]), "text/csv"],
    ];
    for (const [filename, content, type] of cases) {
      const reply = await send(admin, "/api/imports/people/preview", filename, content, type);
      expect(reply.status, `${filename}: ${JSON.stringify(reply.body)}`).toBe(400);
      expect(reply.body.fields[0].field).toBe("file");
    }
    const empty = await send(admin, "/api/imports/people/preview", "people.csv", "", "text/csv");
    expect(empty.status).toBe(400);
    expect(empty.body.fields[0].field).toBe("file");
    const unknownKind = await send(admin, "/api/imports/spaceships/preview", "x.csv", "a\n1\n");
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.fields[0].field).toBe("params.kind");
  });
});

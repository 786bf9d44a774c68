import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { headerSafe, MAX_SUBJECT, renderMail, subjectOf } from "./mail/templates.js";
import { crontab } from "./worker.js";

describe("mail templates", () => {
  it("strips CR, LF and other control characters from header values and cuts long ones", () => {
    expect(headerSafe("a\r\nBcc: x@y.z\u0000\u2028b")).toBe("a Bcc: x@y.z b");
    const long = headerSafe("é".repeat(10_000));
    expect([...long]).toHaveLength(MAX_SUBJECT);
    expect(long.endsWith("…")).toBe(true);
  });

  it("writes the subject in the recipient's language, filled from the params", () => {
    const params = { activity: "CREVAL-2027 Combat readiness evaluation" };
    expect(subjectOf({ kind: "nomination.cancelled", language: "ru", params, title: null })).toBe(
      "Мероприятие отменено: CREVAL-2027 Combat readiness evaluation",
    );
    expect(
      subjectOf({
        kind: "certificate.expiring",
        language: "en",
        params: { days: 30, title: "ACC-2027-000001" },
        title: null,
      }),
    ).toBe("Certificate expires in 30 days: ACC-2027-000001");
  });

  it("escapes HTML in the body and attaches no calendar to a notice that is not a seat", () => {
    const mail = renderMail({
      kind: "exchange.received",
      language: "en",
      params: { title: "<script>alert(1)</script>" },
      title: "<script>alert(1)</script>",
      body: null,
      link: "/exchange/1",
      recipientName: "Ann",
      publicUrl: "https://accord.example.org",
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain("https://accord.example.org/exchange/1");
    expect(mail.ics).toBeNull();
  });
});

describe("the job queue's schedule", () => {
  it("parses (graphile-worker's own parser)", () => {
    expect(parseCrontab(crontab(loadConfig({}))).map((item) => item.task)).toEqual([
      "mail_sweep",
      "reminders_run",
      "mail_digest",
      "seat_offers_expire",
      "seats_reallocate",
      "transparency_sign",
    ]);
  });
});

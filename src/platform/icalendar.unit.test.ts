import { describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar } from "./icalendar.js";

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and new lines in TEXT values", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("escapes a bare CR like any line break, and drops other control characters", () => {
    expect(escapeText("a\rb\r\nc\nd")).toBe("a\\nb\\nc\\nd");
    expect(escapeText("x\u0000y\u001bz\u007f\tw")).toBe("xyz\tw");
  });

  it("folds lines at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"Курс оценки боевой готовности ".repeat(5)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, i) => (i ? part.slice(1) : part)).join("")).toBe(line);
  });

  it("writes all-day events with an exclusive end date and CRLF line ends", () => {
    const text = renderCalendar({
      name: "Test",
      now: new Date("2026-11-24T10:00:00Z"),
      entries: [
        {
          eventId: "e1",
          code: "CREVAL-2027",
          title: "CREVAL, Baku",
          kind: "course",
          startsOn: "2027-03-08",
          endsOn: "2027-03-12",
          city: "Baku",
          venue: null,
          status: "open",
          nominationStatus: "waitlisted",
          updatedAt: new Date("2026-11-01T00:00:00Z"),
          description: null,
        },
      ],
    });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain("DTSTART;VALUE=DATE:20270308\r\n");
    expect(text).toContain("DTEND;VALUE=DATE:20270313\r\n");
    expect(text).toContain("SUMMARY:CREVAL-2027 CREVAL\\, Baku\r\n");
    expect(text).toContain("STATUS:TENTATIVE\r\n");
    expect(text).toContain("DTSTAMP:20261124T100000Z\r\n");
  });
});

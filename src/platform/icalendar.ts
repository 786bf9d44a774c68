/**
 * iCalendar (RFC 5545) text for the calendar feeds: CRLF line ends, lines folded at 75 octets (never inside a
 * UTF-8 sequence), TEXT values escaped. Events are all-day (DTSTART;VALUE=DATE, DTEND exclusive).
 */
export interface CalendarEntryInput {
  eventId: string;
  code: string;
  title: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  city: string | null;
  venue: string | null;
  status: string;
  nominationStatus: string | null;
  updatedAt: Date;
  description: string | null;
}

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped; every line break (CRLF, a bare LF, a bare CR) becomes
 * `\n`, since a bare CR would end the content line for some readers and let a value inject properties; other
 * control characters, which TEXT does not allow (HTAB aside), are dropped.
 */
export const escapeText = (value: string) =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/(?!\t)\p{Cc}/gu, "");

/** Folds one content line: at most 75 octets per line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back over UTF-8 continuation bytes so a character is never split.
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74; // the leading space counts
  }
  return parts.join("\r\n ");
}

const compactDate = (date: string) => date.replace(/-/g, "");
const nextDay = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10).replace(/-/g, "");
};
const stamp = (date: Date) => `${date.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

export function renderCalendar(input: { name: string; entries: CalendarEntryInput[]; now?: Date }): string {
  const now = input.now ?? new Date();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Accord//Catalogue//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  for (const entry of input.entries) {
    const location = [entry.venue, entry.city].filter(Boolean).join(", ");
    const description = [
      entry.nominationStatus ? `Nomination: ${entry.nominationStatus}` : null,
      `Type: ${entry.kind}`,
      entry.description,
    ]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${entry.eventId}@accord`,
      `DTSTAMP:${stamp(now)}`,
      `LAST-MODIFIED:${stamp(entry.updatedAt)}`,
      `DTSTART;VALUE=DATE:${compactDate(entry.startsOn)}`,
      `DTEND;VALUE=DATE:${nextDay(entry.endsOn)}`,
      `SUMMARY:${escapeText(`${entry.code} ${entry.title}`)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `DESCRIPTION:${escapeText(description)}`,
      `STATUS:${entry.status === "cancelled" ? "CANCELLED" : entry.nominationStatus && entry.nominationStatus !== "accepted" ? "TENTATIVE" : "CONFIRMED"}`,
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

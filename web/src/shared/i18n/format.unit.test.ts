import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

// The web app's formats (issue 20): each language's own order, separators and 24-hour time.
describe("web date and number formats", () => {
  it("writes a date day first in English, without the Russian 'г.' in Azerbaijani, with it in Russian", () => {
    expect(formatDate("2027-03-08", "en")).toBe("8 March 2027");
    expect(formatDate("2027-03-08", "az")).toBe("8 mart 2027");
    expect(formatDate("2027-03-08", "ru")).toBe("8 марта 2027 г.");
    expect(formatDate("2027-03-08", "en", "short")).toBe("8 Mar 2027");
    expect(formatDate("2027-03-08", "en", "month")).toBe("March 2027");
  });

  it("writes times on a 24-hour clock", () => {
    const local = new Date(2027, 2, 8, 14, 30).toISOString();
    expect(formatDateTime(local, "en")).toBe("8 March 2027, 14:30");
    expect(formatDateTime(local, "az")).toBe("8 mart 2027, 14:30");
    expect(formatDateTime(local, "ru")).toBe("8 марта 2027 г., 14:30");
  });

  it("groups and separates numbers as each language does", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(1234567.5, "az")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "ru").replace(/\s/g, " ")).toBe("1 234 567,5");
  });
});

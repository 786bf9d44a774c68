import { describe, expect, it } from "vitest";
import { formatDateText, formatDateTimeText } from "./dates.js";

describe("dates in each language's words", () => {
  it("writes a date day first in British English, Azerbaijani without 'г.', Russian with it", () => {
    expect(formatDateText("2027-03-08", "en")).toBe("8 March 2027");
    expect(formatDateText("2027-03-08", "az")).toBe("8 mart 2027");
    expect(formatDateText("2027-03-08", "ru")).toBe("8 марта 2027 г.");
    expect(formatDateText("2029-12-31", "az")).toBe("31 dekabr 2029");
  });

  it("writes an instant with a 24-hour time in the time zone asked for", () => {
    expect(formatDateTimeText("2027-03-08T14:30:00Z", "en")).toBe("8 March 2027, 14:30");
    expect(formatDateTimeText("2027-03-08T22:30:00Z", "az", "Asia/Baku")).toBe("9 mart 2027, 02:30");
    expect(formatDateTimeText("2027-03-08T00:05:00Z", "ru")).toBe("8 марта 2027 г., 00:05");
  });

  it("leaves what is not a date as it is", () => {
    expect(formatDateText("soon", "en")).toBe("soon");
  });
});

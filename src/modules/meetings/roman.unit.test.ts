import { describe, expect, it } from "vitest";
import { decisionReference, toRoman } from "./roman.js";

describe("roman numerals of meeting numbers", () => {
  it("writes the numbers of the heads' meetings as roman numerals", () => {
    expect([1, 4, 9, 12, 14, 40, 49, 2019].map(toRoman)).toEqual([
      "I",
      "IV",
      "IX",
      "XII",
      "XIV",
      "XL",
      "XLIX",
      "MMXIX",
    ]);
  });

  it("builds a decision reference from the meeting and decision numbers", () => {
    expect(decisionReference(12, 3)).toBe("XII/3");
  });
});

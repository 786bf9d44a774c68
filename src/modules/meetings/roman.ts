const NUMERALS: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 12 → "XII". Meeting numbers are stored as integers and shown as roman numerals. */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 10000) return String(value);
  let rest = value;
  let out = "";
  for (const [amount, numeral] of NUMERALS) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

/** The reference of a decision: the roman number of its meeting, a slash, its number at that meeting ("XII/3"). */
export const decisionReference = (meetingNumber: number, decisionNumber: number) =>
  `${toRoman(meetingNumber)}/${decisionNumber}`;

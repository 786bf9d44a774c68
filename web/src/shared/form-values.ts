/** A NumberInput's value as the API takes it: the number, or null while the input is empty (Mantine gives ""). */
export const numberOrNull = (value: number | string) => (typeof value === "number" ? value : null);

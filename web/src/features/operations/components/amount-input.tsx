import { NumberInput, type NumberInputProps } from "@mantine/core";

/** A sum of money as a trust-fund contribution takes it: never below zero, to the cent. */
export function AmountInput(props: NumberInputProps) {
  return <NumberInput min={0} decimalScale={2} {...props} />;
}

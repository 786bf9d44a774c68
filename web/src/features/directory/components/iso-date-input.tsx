import { DateInput, type DateInputProps } from "@mantine/dates";

/** The directory forms' date field: typed or picked, shown and sent as YYYY-MM-DD, clearable. */
export function IsoDateInput(props: DateInputProps) {
  return <DateInput valueFormat="YYYY-MM-DD" placeholder="YYYY-MM-DD" clearable {...props} />;
}

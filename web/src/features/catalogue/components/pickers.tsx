import { RegisterPicker, type RegisterPickerProps } from "../../../shared/ui";

/** An organisation or institution, searched on the server. */
export function OrganisationPicker(props: RegisterPickerProps) {
  return (
    <RegisterPicker
      path="/api/organisations"
      queryKey={["catalogue", "organisation-options"]}
      limit={20}
      {...props}
    />
  );
}

/** A nation, searched on the server. */
export function NationPicker(props: RegisterPickerProps) {
  return (
    <RegisterPicker path="/api/nations" queryKey={["catalogue", "nation-options"]} limit={50} {...props} />
  );
}

import { api, type Page, type Ref } from "../api";
import { RemoteSelect, type RemoteSelectProps } from "./remote-select";

/** What a page gives a register picker: the Select's own props, not how it finds its options. */
export type RegisterPickerProps = Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption">;

const option = (record: Ref) => ({ value: record.id, label: `${record.code} — ${record.nameEn}` });

/**
 * A record of a coded register (`/api/nations`, `/api/organisations`: records with a code and an English name),
 * searched on the server as the user types and shown as "CODE — name". The features' nation and organisation
 * pickers each wrote this RemoteSelect.
 */
export function RegisterPicker({
  path,
  queryKey,
  limit,
  ...props
}: RegisterPickerProps & {
  /** The register's list route; a record's own route is this path and its id. */
  path: string;
  queryKey: readonly unknown[];
  /** How many matches the search offers at a time. */
  limit: number;
}) {
  return (
    <RemoteSelect
      queryKey={queryKey}
      fetchOptions={async (q) =>
        (await api.get<Page<Ref>>(path, { q: q || undefined, limit })).items.map(option)
      }
      resolveOption={async (id) => option(await api.get<Ref>(`${path}/${id}`))}
      {...props}
    />
  );
}

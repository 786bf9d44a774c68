import { api, type Page, type Ref } from "../../../shared/api";
import { RemoteSelect, type RemoteSelectProps } from "../../../shared/ui";

type PickerProps = Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption">;
const option = (record: Ref) => ({ value: record.id, label: `${record.code} — ${record.nameEn}` });

/** An organisation or institution, searched on the server. */
export function OrganisationPicker(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey={["catalogue", "organisation-options"]}
      fetchOptions={async (q) =>
        (await api.get<Page<Ref>>("/api/organisations", { q: q || undefined, limit: 20 })).items.map(option)
      }
      resolveOption={async (id) => option(await api.get<Ref>(`/api/organisations/${id}`))}
      {...props}
    />
  );
}

/** A nation, searched on the server. */
export function NationPicker(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey={["catalogue", "nation-options"]}
      fetchOptions={async (q) =>
        (await api.get<Page<Ref>>("/api/nations", { q: q || undefined, limit: 50 })).items.map(option)
      }
      resolveOption={async (id) => option(await api.get<Ref>(`/api/nations/${id}`))}
      {...props}
    />
  );
}

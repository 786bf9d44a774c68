import { api, type Page, type Ref } from "../../../shared/api";
import { RemoteSelect, type RemoteSelectProps } from "../../../shared/ui";

const option = (organisation: Ref) => ({
  value: organisation.id,
  label: `${organisation.code} — ${organisation.nameEn}`,
});

/** Choose an organisation, searched on the server. */
export function OrganisationPicker(
  props: Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption">,
) {
  return (
    <RemoteSelect
      queryKey={["operations", "organisation-options"]}
      fetchOptions={async (q) =>
        (await api.get<Page<Ref>>("/api/organisations", { q: q || undefined, limit: 50 })).items.map(option)
      }
      resolveOption={async (id) => option(await api.get<Ref>(`/api/organisations/${id}`))}
      {...props}
    />
  );
}

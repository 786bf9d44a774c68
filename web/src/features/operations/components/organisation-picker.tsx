import { api, type Page, type Ref } from "../../../shared/api";
import { RemoteSelect, type RemoteSelectProps } from "../../../shared/ui";

/** A record as a picker's option, "CODE — English name" (a form's initial option before any search). */
export const refOption = (record: Ref) => ({
  value: record.id,
  label: `${record.code} — ${record.nameEn}`,
});

/** Choose an organisation, searched on the server. */
export function OrganisationPicker(
  props: Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption">,
) {
  return (
    <RemoteSelect
      queryKey={["operations", "organisation-options"]}
      fetchOptions={async (q) =>
        (await api.get<Page<Ref>>("/api/organisations", { q: q || undefined, limit: 50 })).items.map(
          refOption,
        )
      }
      resolveOption={async (id) => refOption(await api.get<Ref>(`/api/organisations/${id}`))}
      {...props}
    />
  );
}

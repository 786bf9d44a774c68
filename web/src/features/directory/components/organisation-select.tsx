import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { localName } from "../../../shared/i18n/format";
import { isLanguage, type Language } from "../../../shared/i18n/languages";
import { RemoteSelect, type RemoteSelectProps } from "../../../shared/ui";
import { fetchOrganisationOptions } from "../api";
import type { Organisation, OrganisationListQuery } from "../types";

type OrganisationSelectProps = Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption"> & {
  /** Narrows the choice, e.g. `{ nationId }` or `{ category: "institution" }`. */
  filters?: OrganisationListQuery;
  /** Leaves this organisation out (an organisation cannot be its own parent). */
  excludeId?: string;
};

const option = (
  organisation: { id: string; code: string; nameEn: string; nameAz?: string | null; nameRu?: string | null },
  language: Language,
) => ({ value: organisation.id, label: `${organisation.code} — ${localName(organisation, language)}` });

/** Choose an organisation or institution, searched on the server as the user types. */
export function OrganisationSelect({ filters, excludeId, ...props }: OrganisationSelectProps) {
  const { t, i18n } = useTranslation("directory");
  const language = isLanguage(i18n.language) ? i18n.language : "en";
  return (
    <RemoteSelect
      queryKey={["directory", "organisations", "options", language, filters ?? {}, excludeId ?? ""]}
      fetchOptions={async (q) =>
        (await fetchOrganisationOptions(q, filters))
          .filter((organisation) => organisation.id !== excludeId)
          .map((organisation) => option(organisation, language))
      }
      resolveOption={async (id) => option(await api.get<Organisation>(`/api/organisations/${id}`), language)}
      {...props}
      placeholder={props.placeholder ?? t("organisations.searchHint")}
    />
  );
}

export const organisationOption = option;

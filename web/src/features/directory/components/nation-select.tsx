import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { localName } from "../../../shared/i18n/format";
import { isLanguage, type Language } from "../../../shared/i18n/languages";
import { RemoteSelect, type RemoteSelectProps } from "../../../shared/ui";
import { fetchNationOptions } from "../api";
import type { Nation } from "../types";

type NationSelectProps = Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption">;

const option = (nation: Pick<Nation, "id" | "code" | "nameEn"> & Partial<Nation>, language: Language) => ({
  value: nation.id,
  label: `${nation.code} — ${localName(nation, language)}`,
});

/** Choose a nation (searched on the server); options read `CODE — name` in the current language. */
export function NationSelect(props: NationSelectProps) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "en";
  return (
    <RemoteSelect
      queryKey={["directory", "nations", "options", language]}
      fetchOptions={async (q) => (await fetchNationOptions(q)).map((nation) => option(nation, language))}
      resolveOption={async (id) => option(await api.get<Nation>(`/api/nations/${id}`), language)}
      {...props}
    />
  );
}

export const nationOption = option;

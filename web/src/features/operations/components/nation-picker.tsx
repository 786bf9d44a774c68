import { useTranslation } from "react-i18next";
import { api, type Page } from "../../../shared/api";
import { localName } from "../../../shared/i18n/format";
import { isLanguage, type Language } from "../../../shared/i18n/languages";
import { RemoteSelect, type RemoteSelectProps } from "../../../shared/ui";

interface NationRow {
  id: string;
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
}

const option = (nation: NationRow, language: Language) => ({
  value: nation.id,
  label: `${nation.code} — ${localName(nation, language)}`,
});

/** Choose a nation, searched on the server. */
export function NationPicker(props: Omit<RemoteSelectProps, "queryKey" | "fetchOptions" | "resolveOption">) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "en";
  return (
    <RemoteSelect
      queryKey={["operations", "nation-options", language]}
      fetchOptions={async (q) =>
        (await api.get<Page<NationRow>>("/api/nations", { q: q || undefined, limit: 50 })).items.map((n) =>
          option(n, language),
        )
      }
      resolveOption={async (id) => option(await api.get<NationRow>(`/api/nations/${id}`), language)}
      {...props}
    />
  );
}

import { Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The directory lists' "include archived" filter, kept in the URL as `includeArchived=true`. */
export function IncludeArchivedSwitch({
  list,
  testId,
}: {
  list: {
    filters: { includeArchived: string };
    setFilter: (name: "includeArchived", value: string | null) => void;
  };
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      label={t("common:list.includeArchived")}
      checked={list.filters.includeArchived === "true"}
      onChange={(event) => list.setFilter("includeArchived", event.currentTarget.checked ? "true" : null)}
      mb={8}
      data-testid={testId}
    />
  );
}

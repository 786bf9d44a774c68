import { Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type FilteredList, listSwitch } from "../../../shared/ui";

/** The directory lists' "include archived" filter, kept in the URL as `includeArchived=true`. */
export function IncludeArchivedSwitch({
  list,
  testId,
}: {
  list: FilteredList<"includeArchived">;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      label={t("common:list.includeArchived")}
      {...listSwitch(list, "includeArchived")}
      mb={8}
      data-testid={testId}
    />
  );
}

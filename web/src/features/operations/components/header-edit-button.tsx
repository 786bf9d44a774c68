import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The "Edit" button among a record page's header actions, which opens the record's form. */
export function HeaderEditButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useTranslation("operations");
  return (
    <Button variant="default" onClick={onClick} data-testid={testId}>
      {t("authoring.edit")}
    </Button>
  );
}

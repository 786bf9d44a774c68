import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

/** Save and cancel at the foot of a directory form; the submit button is `<prefix>-submit`. */
export function FormActions({
  testIdPrefix,
  saving,
  cancelTo,
}: {
  testIdPrefix: string;
  saving: boolean;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={() => navigate(cancelTo)} data-testid={`${testIdPrefix}-cancel`}>
        {t("actions.cancel")}
      </Button>
      <Button type="submit" loading={saving} data-testid={`${testIdPrefix}-submit`}>
        {t("actions.save")}
      </Button>
    </Group>
  );
}

import { Button, Group } from "@mantine/core";
import { IconEdit, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ConfirmButton, notifyDeleteOutcome, notifyError } from "../../../shared/ui";

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

/** The edit button of a directory record's page: a link to its form, `<prefix>-edit`. */
export function EditLink({ to, testIdPrefix }: { to: string; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={to}
      variant="default"
      leftSection={<IconEdit size={16} />}
      data-testid={`${testIdPrefix}-edit`}
    >
      {t("actions.edit")}
    </Button>
  );
}

/**
 * The delete button of a directory record's page, `<prefix>-delete`: the server deletes the record, or archives
 * it when others refer to it; the page is left for the list only when the record is gone.
 */
export function DeleteRecordButton({
  remove,
  listPath,
  testIdPrefix,
}: {
  remove: () => Promise<{ outcome: "deleted" | "archived" }>;
  listPath: string;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ConfirmButton
      variant="light"
      leftSection={<IconTrash size={16} />}
      message={t("confirm.deleteRecord")}
      onConfirm={() =>
        remove().then(
          ({ outcome }) => {
            notifyDeleteOutcome(outcome, t);
            if (outcome === "deleted") navigate(listPath);
          },
          (error) => {
            notifyError(error, t);
            throw error;
          },
        )
      }
      data-testid={`${testIdPrefix}-delete`}
    >
      {t("actions.delete")}
    </ConfirmButton>
  );
}

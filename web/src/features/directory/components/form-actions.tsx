import { Button, Group } from "@mantine/core";
import { IconEdit, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ConfirmButton, confirmOutcome, notifyDeleteOutcome } from "../../../shared/ui";
import type { RecordSection } from "../types";
import { RECORD_TEST_NAME } from "./record-form-page";

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

/** The edit button of a directory record's page: a link to its form, `<record>-edit`. */
export function EditLink({ section, id }: { section: RecordSection; id: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/${section}/${id}/edit`}
      variant="default"
      leftSection={<IconEdit size={16} />}
      data-testid={`${RECORD_TEST_NAME[section]}-edit`}
    >
      {t("actions.edit")}
    </Button>
  );
}

/**
 * The delete button of a directory record's page, `<record>-delete`: the server deletes the record, or archives
 * it when others refer to it; the page is left for the list only when the record is gone.
 */
export function DeleteRecordButton({
  section,
  remove,
}: {
  section: RecordSection;
  remove: () => Promise<{ outcome: "deleted" | "archived" }>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ConfirmButton
      variant="light"
      leftSection={<IconTrash size={16} />}
      message={t("confirm.deleteRecord")}
      onConfirm={() =>
        confirmOutcome(remove(), t).then(({ outcome }) => {
          notifyDeleteOutcome(outcome, t);
          if (outcome === "deleted") navigate(`/${section}`);
        })
      }
      data-testid={`${RECORD_TEST_NAME[section]}-delete`}
    >
      {t("actions.delete")}
    </ConfirmButton>
  );
}

/** Edit and delete, side by side, on the page of a record whose reader may do both. */
export function RecordActions(props: {
  section: RecordSection;
  id: string;
  remove: () => Promise<{ outcome: "deleted" | "archived" }>;
}) {
  return (
    <>
      <EditLink section={props.section} id={props.id} />
      <DeleteRecordButton section={props.section} remove={props.remove} />
    </>
  );
}

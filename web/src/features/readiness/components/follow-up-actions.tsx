import { Badge, Select, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import {
  formOutcome,
  InlineSubmitForm,
  notifyError,
  optionsUnder,
  PlainTable,
  RemoteSelect,
  SectionCard,
} from "../../../shared/ui";
import { fetchOrganisationOptions, useAddAction, useUpdateAction } from "../api";
import type { EvaluationDetail, FollowUpAction, Results } from "../types";

/** The follow-up actions of an evaluation's results: their status moves in place; the reporter adds more. */
export function FollowUpActions({ evaluation, results }: { evaluation: EvaluationDetail; results: Results }) {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const add = useAddAction(evaluation.id);
  const update = useUpdateAction(evaluation.id);
  const form = useForm({
    initialValues: { title: "", dueOn: "", ownerOrganisationId: null as string | null },
  });
  const canWrite = evaluation.permissions.report;
  const canUpdate = evaluation.permissions.plan || evaluation.permissions.answer;
  const owner = (action: FollowUpAction) =>
    action.ownerOrganisation?.code ??
    (action.ownerPerson ? `${action.ownerPerson.givenName} ${action.ownerPerson.familyName}` : "");
  return (
    <SectionCard title={t("results.actions")} radius="sm">
      {results.actions.length === 0 ? (
        <Text c="dimmed">{t("results.noActions")}</Text>
      ) : (
        <PlainTable
          minWidth={560}
          data-testid="actions-table"
          columns={[t("results.actionTitle"), t("results.owner"), t("results.dueOn"), t("results.status")]}
        >
          {results.actions.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Td>{action.title}</Table.Td>
              <Table.Td>{owner(action)}</Table.Td>
              <Table.Td>
                {format.date(action.dueOn)}{" "}
                {action.overdue && (
                  <Badge color="red" size="xs">
                    {t("results.overdue")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  w={150}
                  disabled={!canUpdate}
                  allowDeselect={false}
                  value={action.status}
                  onChange={(value) =>
                    value &&
                    update.mutate(
                      { actionId: action.id, status: value as FollowUpAction["status"] },
                      { onError: (error) => notifyError(error, t) },
                    )
                  }
                  data={optionsUnder(t, "results.actionStatuses", [
                    action.status,
                    ...action.allowedTransitions,
                  ])}
                  aria-label={t("results.status")}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      {canWrite && (
        <InlineSubmitForm
          onSubmit={form.onSubmit((values) =>
            add.mutate(
              values,
              formOutcome(form, t, () => form.reset()),
            ),
          )}
          data-print="hide"
          submit={{ label: t("results.addAction"), loading: add.isPending }}
          mt="md"
        >
          <TextInput style={{ flex: 1 }} label={t("results.actionTitle")} {...form.getInputProps("title")} />
          <RemoteSelect
            w={260}
            label={t("results.owner")}
            queryKey={["readiness", "organisation-options"]}
            fetchOptions={fetchOrganisationOptions}
            value={form.values.ownerOrganisationId}
            onChange={(value) => form.setFieldValue("ownerOrganisationId", value)}
            error={form.errors.ownerOrganisationId ?? form.errors.ownerPersonId}
          />
          <TextInput type="date" label={t("results.dueOn")} {...form.getInputProps("dueOn")} />
        </InlineSubmitForm>
      )}
    </SectionCard>
  );
}

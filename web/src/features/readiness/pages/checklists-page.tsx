import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiError, isApiError } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  errorMessage,
  formOutcome,
  InlineSubmitForm,
  labelsUnder,
  notifySuccess,
  PageHeader,
  PlainTable,
  QueryBoundary,
  RowActionButton,
} from "../../../shared/ui";
import { useChecklists, useCreateChecklist, useImportChecklist } from "../api";
import { NewVersionButton, VersionCriteria } from "../components/checklist-versions";
import type { ChecklistTemplate } from "../types";

function ImportForm({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation("readiness");
  const importVersion = useImportChecklist(template.id);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <FileInput
          w={{ base: "100%", sm: 320 }}
          label={t("checklists.file")}
          description={t("checklists.columns")}
          accept=".csv,.xlsx"
          value={file}
          onChange={setFile}
          data-testid={`import-file-${template.code}`}
        />
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file}
          loading={importVersion.isPending}
          onClick={() => {
            if (!file) return;
            setError(null);
            importVersion.mutate(file, {
              onSuccess: (version) => {
                notifySuccess(t("checklists.imported", { version: version.version }));
                setFile(null);
              },
              onError: (e) => setError(e),
            });
          }}
          data-testid={`import-submit-${template.code}`}
        >
          {t("checklists.import")}
        </Button>
      </Group>
      {error && (
        <Alert color="red" data-testid="import-errors">
          <Text size="sm">{errorMessage(error, t)}</Text>
          {isApiError(error) && error.fields.length > 1 && (
            <List size="sm">
              {error.fields.map((field) => (
                <List.Item key={field.message}>{field.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

export function ChecklistsPage() {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const permissions = usePermissions();
  const checklists = useChecklists();
  const create = useCreateChecklist();
  const canWrite = permissions.hasAnyRole("administrator", "organiser", "national_coordinator");
  const form = useForm({ initialValues: { code: "", title: "" } });
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t("checklists.title")} description={t("checklists.description")} />
      <Stack>
        {canWrite && (
          <Paper withBorder p="md">
            <InlineSubmitForm
              onSubmit={form.onSubmit((values) =>
                create.mutate(
                  values,
                  formOutcome(form, t, () => {
                    notifySuccess(t("common:notify.created"));
                    form.reset();
                  }),
                ),
              )}
              submit={{ label: t("checklists.create"), loading: create.isPending }}
            >
              <TextInput label={t("checklists.code")} {...form.getInputProps("code")} />
              <TextInput style={{ flex: 1 }} label={t("checklists.name")} {...form.getInputProps("title")} />
            </InlineSubmitForm>
          </Paper>
        )}
        <QueryBoundary query={checklists}>
          {(page) => (
            <Stack>
              {page.items.map((template) => (
                <Paper key={template.id} withBorder p="md" data-testid={`checklist-${template.code}`}>
                  <Group gap="xs" mb="xs">
                    <Title order={2} size="h5">
                      {template.code} · {template.title}
                    </Title>
                    {template.sample && <Badge variant="outline">{t("units.sample")}</Badge>}
                    {canWrite && <NewVersionButton template={template} />}
                  </Group>
                  <PlainTable
                    minWidth={480}
                    columns={[
                      ...labelsUnder(t, "checklists", ["version", "criteria", "usedBy", "source"]),
                      null,
                    ]}
                  >
                    {template.versions.map((version) => (
                      <Table.Tr key={version.id}>
                        <Table.Td>
                          v{version.version}{" "}
                          {version.usedBy > 0 && (
                            <Badge size="xs" color="gray">
                              {t("checklists.frozen")}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{version.criteria}</Table.Td>
                        <Table.Td>{version.usedBy}</Table.Td>
                        <Table.Td>
                          {version.sourceFilename ?? "—"} · {format.dateTime(version.createdAt)}
                        </Table.Td>
                        <Table.Td>
                          <RowActionButton
                            variant={shown === version.id ? "light" : "subtle"}
                            aria-expanded={shown === version.id}
                            onClick={() => setShown(shown === version.id ? null : version.id)}
                            testId={`version-show-${template.code}-${version.version}`}
                          >
                            {t("authoring.showCriteria")}
                          </RowActionButton>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </PlainTable>
                  {template.versions.some((version) => version.id === shown) && (
                    <VersionCriteria versionId={shown!} canWrite={canWrite} />
                  )}
                  {canWrite && <ImportForm template={template} />}
                </Paper>
              ))}
            </Stack>
          )}
        </QueryBoundary>
      </Stack>
    </>
  );
}

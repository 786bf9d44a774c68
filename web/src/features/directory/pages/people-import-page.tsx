import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ApiError, apiRequest, apiStream, type FieldError } from "../../../shared/api";
import { errorMessage, notifySuccess, PageHeader } from "../../../shared/ui";

interface Problem {
  row: number;
  column: string | null;
  header: string | null;
  message: string;
}

interface Preview {
  headers: string[];
  fields: { key: string; required: boolean }[];
  mapping: Record<string, string>;
  missing: string[];
  rowCount: number;
  counts: { create: number; update: number; unchanged: number; invalid: number };
  errors: Problem[];
  warnings: Problem[];
}

interface CommitResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

const KINDS = ["people", "activities", "nominations", "contributions", "goals", "programme-items"] as const;
type Kind = (typeof KINDS)[number];
const kindOf = (value: string | null): Kind =>
  (KINDS as readonly string[]).includes(value ?? "") ? (value as Kind) : "people";

const send = <T,>(kind: Kind, step: "preview" | "commit", file: File, query: Record<string, string>) => {
  const form = new FormData();
  form.append("file", file);
  return apiRequest<T>(`/api/imports/${kind}/${step}`, { method: "POST", form, query });
};

function Problems({
  title,
  problems,
  color,
  testId,
}: {
  title: string;
  problems: Problem[];
  color: string;
  testId: string;
}) {
  const { t } = useTranslation("directory");
  if (!problems.length) return null;
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={4} c={color}>
        {title} ({problems.length})
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t("imports.row")}</Table.Th>
            <Table.Th w={200}>{t("imports.column")}</Table.Th>
            <Table.Th>{t("imports.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem) => (
            <Table.Tr
              key={`${problem.row}-${problem.column}-${problem.message}`}
              data-testid={`${testId}-row-${problem.row}`}
            >
              <Table.Td>{problem.row}</Table.Td>
              <Table.Td>{problem.header ?? problem.column ?? ""}</Table.Td>
              <Table.Td>{problem.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

interface ProgressLine {
  type: "progress";
  phase: "check" | "write";
  done: number;
  total: number;
}
type CommitLine =
  | ProgressLine
  | { type: "result"; result: CommitResult }
  | {
      type: "error";
      status: number;
      error: { code: string; message: string; fields?: FieldError[]; requestId?: string };
    };

/** Commits with the answer streamed: each progress line as the server sends it, then the result or the error. */
async function commitStreamed(
  kind: Kind,
  file: File,
  query: Record<string, string>,
  onProgress: (line: ProgressLine) => void,
): Promise<CommitResult> {
  const form = new FormData();
  form.append("file", file);
  let outcome: CommitLine | null = null;
  await apiStream(`/api/imports/${kind}/commit`, { method: "POST", form, query }, (line) => {
    const next = line as CommitLine;
    if (next.type === "progress") onProgress(next);
    else outcome = next;
  });
  const end = outcome as CommitLine | null;
  if (end?.type === "result") return end.result;
  if (end?.type === "error")
    throw new ApiError(
      end.status,
      end.error.code,
      end.error.message,
      end.error.fields ?? [],
      end.error.requestId ?? null,
    );
  throw new ApiError(0, "NETWORK_ERROR", "The import's answer ended early");
}

/** The import page of every kind: people, activities with their events, nominations (`?kind=`). */
export function PeopleImportPage() {
  const { t } = useTranslation("directory");
  const [searchParams, setSearchParams] = useSearchParams();
  const kind = kindOf(searchParams.get("kind"));
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const preview = useMutation({
    mutationFn: (next: { file: File; mapping: Record<string, string> | null }) =>
      send<Preview>(
        kind,
        "preview",
        next.file,
        next.mapping ? { mapping: JSON.stringify(next.mapping) } : {},
      ),
    onSuccess: (result) => setMapping(result.mapping),
  });
  const [progress, setProgress] = useState<ProgressLine | null>(null);
  const commit = useMutation({
    mutationFn: (mode: "all" | "valid") => {
      setProgress(null);
      return commitStreamed(
        kind,
        file!,
        { mode, ...(mapping ? { mapping: JSON.stringify(mapping) } : {}) },
        setProgress,
      );
    },
    onSettled: () => setProgress(null),
    onSuccess: (result) => {
      notifySuccess(t("imports.done", { ...result }));
      preview.reset();
      setMapping(null);
      setFile(null);
    },
  });
  const result = preview.data;
  const fieldLabel = (key: string) =>
    kind === "people"
      ? t(`imports.fields.${key}` as "imports.fields.givenName")
      : t(`importFields.${kind}.${key}` as "importFields.activities.code");
  const chooseKind = (next: string | null) => {
    setSearchParams({ kind: kindOf(next) }, { replace: true });
    setMapping(null);
    preview.reset();
    commit.reset();
  };
  const remap = (key: string, header: string | null) => {
    const next = { ...(mapping ?? {}) };
    if (header) next[key] = header;
    else delete next[key];
    setMapping(next);
    if (file) preview.mutate({ file, mapping: next });
  };

  return (
    <>
      <PageHeader
        title={t("imports.title")}
        description={t("imports.description")}
        breadcrumbs={kind === "people" ? [{ label: t("people.title"), to: "/people" }] : undefined}
      />
      <Stack>
        <Select
          w={420}
          label={t("importKinds.label")}
          data={KINDS.map((value) => ({ value, label: t(`importKinds.${value}`) }))}
          value={kind}
          onChange={chooseKind}
          allowDeselect={false}
          description={t(`importKinds.hint.${kind}`)}
          data-testid="import-kind"
        />
        <Group align="flex-end">
          <FileInput
            w={360}
            label={t("imports.file")}
            accept=".csv,.xlsx"
            value={file}
            onChange={(next) => {
              setFile(next);
              setMapping(null);
              preview.reset();
              commit.reset();
            }}
            data-testid="import-file"
          />
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={preview.isPending}
            onClick={() => file && preview.mutate({ file, mapping: null })}
            data-testid="import-preview"
          >
            {t("imports.preview")}
          </Button>
        </Group>
        {preview.error && (
          <Alert color="red" data-testid="import-file-error">
            {errorMessage(preview.error, t)}
          </Alert>
        )}
        {result && (
          <>
            <Title order={4}>{t("imports.mapping")}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {result.fields.map((field) => (
                <Select
                  key={field.key}
                  label={`${fieldLabel(field.key)}${field.required ? ` (${t("imports.required")})` : ""}`}
                  placeholder={t("imports.notMapped")}
                  data={result.headers.filter((header) => header !== "")}
                  value={mapping?.[field.key] ?? null}
                  onChange={(header) => remap(field.key, header)}
                  clearable
                  error={result.missing.includes(field.key)}
                  data-testid={`import-map-${field.key}`}
                />
              ))}
            </SimpleGrid>
            <Text data-testid="import-summary">
              {t("imports.summary", { rows: result.rowCount, ...result.counts })}
            </Text>
            {(["errors", "warnings"] as const).map((kind) => (
              <Problems
                key={kind}
                title={t(`imports.${kind}`)}
                problems={result[kind]}
                color={kind === "errors" ? "red" : "orange"}
                testId={`import-${kind}`}
              />
            ))}
            {commit.isPending && progress && (
              <Stack gap={4} data-testid="import-progress">
                <Text size="sm">
                  {t(`imports.progress.${progress.phase}`, { done: progress.done, total: progress.total })}
                </Text>
                <Progress
                  value={progress.total ? (100 * progress.done) / progress.total : 0}
                  aria-label={t(`imports.progress.${progress.phase}`, {
                    done: progress.done,
                    total: progress.total,
                  })}
                />
              </Stack>
            )}
            {commit.error && (
              <Alert color="red" data-testid="import-commit-error">
                {errorMessage(commit.error, t)}
              </Alert>
            )}
            <Group>
              <Button
                disabled={result.errors.length > 0 || result.missing.length > 0}
                loading={commit.isPending && commit.variables === "all"}
                onClick={() => commit.mutate("all")}
                data-testid="import-commit-all"
              >
                {t("imports.commitAll")}
              </Button>
              <Button
                variant="light"
                disabled={result.missing.length > 0 || result.counts.create + result.counts.update === 0}
                loading={commit.isPending && commit.variables === "valid"}
                onClick={() => commit.mutate("valid")}
                data-testid="import-commit-valid"
              >
                {t("imports.commitValid")}
              </Button>
              {result.errors.length > 0 && <Badge color="red">{result.counts.invalid}</Badge>}
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

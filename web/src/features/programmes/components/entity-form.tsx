import {
  Button,
  type ButtonProps,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { notifyFormError, notifySuccess, type RemoteOption, RemoteSelect } from "../../../shared/ui";
import { useInvalidate } from "../api";

type Value = string | number | string[];
type FormValues = Record<string, Value>;

/** One field of an authoring form; `name` is the API's field, so the server's errors land beside it. */
export interface FieldSpec {
  name: string;
  label: string;
  kind?: "text" | "textarea" | "date" | "number" | "select" | "multiselect" | "lines" | "remote";
  data?: { value: string; label: string }[];
  /** For `remote`: the options as the user types. */
  fetchOptions?: (search: string) => Promise<RemoteOption[]>;
  required?: boolean;
  /** Spans both columns. */
  wide?: boolean;
}

const blank = (field: FieldSpec): Value =>
  field.kind === "multiselect" || field.kind === "lines" ? (field.kind === "lines" ? "" : []) : "";

/** A field's starting value: the given one (a list of lines joined, one a line), else blank. */
const startValue = (field: FieldSpec, value: unknown): Value =>
  field.kind === "lines" && Array.isArray(value)
    ? value.join("\n")
    : ((value as Value | null) ?? blank(field));

/** The form's value as the API wants it: empty text is null, lines are a list. */
function apiValue(field: FieldSpec, value: Value | null | undefined): unknown {
  if (value === null || value === undefined) return field.kind === "multiselect" ? [] : null;
  if (field.kind === "multiselect") return value ?? [];
  if (field.kind === "lines")
    return String(value ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  if (field.kind === "number") return typeof value === "number" ? value : null;
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
}

export interface EntityFormProps {
  fields: FieldSpec[];
  /**
   * The defaults (create) or the record's current values (edit): the record itself will do, each field taking
   * the record's value of its name.
   */
  initial?: Readonly<Record<string, unknown>>;
  /** Edit: only the changed fields are sent. Create: empty fields are left out. */
  mode: "create" | "edit";
  send: (body: Record<string, unknown>) => Promise<unknown>;
  onDone?: (result: unknown) => void;
  submitLabel: string;
  testId: string;
}

/**
 * A Mantine form over the given fields. The server decides: its field errors appear beside the fields and
 * what the user typed stays; success is announced and the caller refreshes its lists.
 */
export function EntityForm({ fields, initial, mode, send, onDone, submitLabel, testId }: EntityFormProps) {
  const { t } = useTranslation("programmes");
  const [busy, setBusy] = useState(false);
  const initialValues = Object.fromEntries(
    fields.map((field) => [field.name, startValue(field, initial?.[field.name])]),
  );
  const form = useForm<FormValues>({
    initialValues,
    validate: Object.fromEntries(
      fields
        .filter((field) => field.required)
        .map((field) => [
          field.name,
          (value: Value | null) =>
            value === "" || value === null || value === undefined ? t("authoring.required") : null,
        ]),
    ),
  });

  const submit = form.onSubmit(async (values) => {
    const body: Record<string, unknown> = {};
    for (const field of fields) {
      if (mode === "edit" && !form.isDirty(field.name)) continue;
      const value = apiValue(field, values[field.name]);
      if (mode === "create" && (value === null || (Array.isArray(value) && value.length === 0))) continue;
      body[field.name] = value;
    }
    if (mode === "edit" && Object.keys(body).length === 0) {
      onDone?.(null);
      return;
    }
    setBusy(true);
    try {
      const result = await send(body);
      notifySuccess(t("authoring.saved"));
      form.resetDirty();
      onDone?.(result);
    } catch (error) {
      notifyFormError(form, error, t);
    } finally {
      setBusy(false);
    }
  });

  const input = (field: FieldSpec) => {
    const props = {
      label: field.label,
      required: field.required,
      ...form.getInputProps(field.name),
      "data-testid": `${testId}-${field.name}`,
    };
    switch (field.kind) {
      case "textarea":
      case "lines":
        return <Textarea autosize minRows={2} {...props} />;
      case "date":
        return <TextInput type="date" {...props} />;
      case "number":
        return <NumberInput {...props} />;
      case "select":
        return <Select searchable clearable={!field.required} data={field.data ?? []} {...props} />;
      case "multiselect":
        return <MultiSelect searchable data={field.data ?? []} {...props} />;
      case "remote":
        return (
          <RemoteSelect
            {...props}
            value={(form.getValues()[field.name] as string) || null}
            onChange={(value) => form.setFieldValue(field.name, value ?? "")}
            queryKey={["programmes", "remote", field.name]}
            fetchOptions={field.fetchOptions ?? (async () => [])}
          />
        );
      default:
        return <TextInput {...props} />;
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((field) => (
            <div key={field.name} style={field.wide ? { gridColumn: "1 / -1" } : undefined}>
              {input(field)}
            </div>
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid={`${testId}-save`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type FormModalButtonProps<R> = Omit<EntityFormProps, "submitLabel" | "send" | "onDone"> & {
  label: string;
  title?: string;
  buttonProps?: ButtonProps;
  leftSection?: ReactNode;
  send: (body: Record<string, unknown>) => Promise<R>;
  /** The address of the record a create made, to go to after it. */
  opens?: (created: R) => string;
};

/**
 * A button that opens an EntityForm in a modal, closed after a successful save; the programmes' lists and records
 * are then refreshed, and a create can open the record it made (`opens`).
 */
export function FormModalButton<R>({
  label,
  title,
  buttonProps,
  leftSection,
  send,
  opens,
  ...form
}: FormModalButtonProps<R>) {
  const { t } = useTranslation("programmes");
  const invalidate = useInvalidate();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={leftSection}
        onClick={() => setOpened(true)}
        data-testid={`${form.testId}-open`}
        {...buttonProps}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title ?? label} size="lg">
        {opened && (
          <EntityForm
            {...form}
            send={send}
            submitLabel={t("authoring.save")}
            onDone={(result) => {
              setOpened(false);
              void invalidate();
              if (opens && result) navigate(opens(result as R));
            }}
          />
        )}
      </Modal>
    </>
  );
}

/** A button, marked "+", that opens the form of a new record (a FormModalButton that creates). */
export function CreateFormButton<R>(props: Omit<FormModalButtonProps<R>, "mode" | "leftSection">) {
  return <FormModalButton {...props} mode="create" leftSection={<IconPlus size={14} />} />;
}

import { Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { DatePrecision } from "../../../shared/i18n/format";
import { useAddMembership } from "../api";
import { endNotBeforeStart, textOrNull } from "../form-values";
import { MEMBERSHIP_KINDS, type MembershipKind } from "../types";
import { type AddDialogProps, AddRecordDialog } from "./add-record-dialog";
import { IsoDateInput } from "./iso-date-input";

interface MembershipFormValues {
  kind: MembershipKind | "";
  startedOn: string | null;
  startPrecision: DatePrecision;
  endedOn: string | null;
  source: string;
  note: string;
}

/** Records that a nation joined (and possibly left) an alliance, partnership or coordination body. */
export function MembershipModal({ nationId, ...dialog }: AddDialogProps & { nationId: string }) {
  const { t } = useTranslation("directory");
  const add = useAddMembership(nationId);
  const form = useForm<MembershipFormValues>({
    initialValues: { kind: "", startedOn: null, startPrecision: "day", endedOn: null, source: "", note: "" },
    validate: {
      kind: (value) => (value ? null : t("common:errors.required")),
      startedOn: (value) => (value ? null : t("common:errors.required")),
      endedOn: endNotBeforeStart(t("memberships.endBeforeStart")),
    },
  });

  return (
    <AddRecordDialog
      {...dialog}
      title={t("memberships.add")}
      name="membership"
      form={form}
      add={add}
      payload={(values) => ({
        kind: values.kind as MembershipKind,
        startedOn: values.startedOn!,
        startPrecision: values.startPrecision,
        endedOn: values.endedOn || null,
        source: textOrNull(values.source),
        note: textOrNull(values.note),
      })}
    >
      <Select
        label={t("memberships.kind")}
        required
        data={MEMBERSHIP_KINDS.map((kind) => ({ value: kind, label: t(`membershipKinds.${kind}`) }))}
        data-testid="membership-kind"
        {...form.getInputProps("kind")}
      />
      <Group grow align="flex-start">
        <IsoDateInput
          label={t("memberships.startedOn")}
          required
          data-testid="membership-started-on"
          {...form.getInputProps("startedOn")}
        />
        <IsoDateInput
          label={t("memberships.endedOn")}
          data-testid="membership-ended-on"
          {...form.getInputProps("endedOn")}
        />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="membership-precision-label">
          {t("memberships.startPrecision")}
        </Text>
        <SegmentedControl
          aria-labelledby="membership-precision-label"
          data={(["day", "month", "year"] as const).map((precision) => ({
            value: precision,
            label: t(`memberships.precision.${precision}`),
          }))}
          {...form.getInputProps("startPrecision")}
        />
      </Stack>
      <TextInput
        label={t("memberships.source")}
        data-testid="membership-source"
        {...form.getInputProps("source")}
      />
      <Textarea label={t("memberships.note")} autosize minRows={2} {...form.getInputProps("note")} />
    </AddRecordDialog>
  );
}

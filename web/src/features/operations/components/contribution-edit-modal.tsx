import { NumberInput, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { changedFields } from "../../../shared/api";
import { FormButtons, FormModal, ReleasabilitySelect, saveChanges, useFormReset } from "../../../shared/ui";
import { useUpdateFundContribution } from "../api";
import type { FundContribution } from "../types";
import { AmountInput } from "./amount-input";

interface ContributionValues {
  year: number | string;
  currency: string;
  pledged: number | string;
  paid: number | string;
  note: string;
  releasability: string;
}

const valuesOf = (row: FundContribution | null): ContributionValues => ({
  year: row?.year ?? "",
  currency: row?.currency ?? "",
  pledged: row ? Number(row.pledged) : "",
  paid: row ? Number(row.paid) : "",
  note: row?.note ?? "",
  releasability: row?.releasability ?? "restricted",
});

const money = (value: number | string) => Number(value).toFixed(2);

/** Corrects a nation's contribution to a trust fund (pledged, paid, note, release): only what changed is sent. */
export function ContributionEditModal({
  contribution,
  onClose,
}: {
  contribution: FundContribution | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("operations");
  const update = useUpdateFundContribution();
  const form = useForm<ContributionValues>({
    initialValues: valuesOf(contribution),
    validate: {
      year: (value) => (value === "" ? t("authoring.required") : null),
      pledged: (value) => (value === "" ? t("authoring.required") : null),
    },
  });
  useFormReset(form, contribution?.id, () => valuesOf(contribution));

  const submit = form.onSubmit(async (values) => {
    if (!contribution) return;
    const patch = changedFields(form, {
      year: Number(values.year),
      currency: values.currency.trim().toUpperCase(),
      pledged: money(values.pledged),
      paid: money(values.paid === "" ? 0 : values.paid),
      note: values.note.trim() || null,
      releasability: values.releasability,
    });
    await saveChanges(form, t, onClose, patch, (changes) =>
      update.mutateAsync({ id: contribution.id, ...changes }),
    );
  });

  return (
    <FormModal
      opened={contribution !== null}
      onClose={onClose}
      title={
        contribution
          ? `${t("authoring.editContribution")}: ${contribution.trustFund.name} · ${contribution.nation.code}`
          : ""
      }
      size="lg"
      onSubmit={submit}
      testId="contribution-edit-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t("contributions.year")} min={1990} max={2200} {...form.getInputProps("year")} />
        <TextInput
          label={t("contributions.currency")}
          maxLength={3}
          {...form.getInputProps("currency")}
          data-testid="contribution-edit-currency"
        />
        <AmountInput
          label={t("contributions.pledged")}
          {...form.getInputProps("pledged")}
          data-testid="contribution-edit-pledged"
        />
        <AmountInput
          label={t("contributions.paid")}
          {...form.getInputProps("paid")}
          data-testid="contribution-edit-paid"
        />
        <ReleasabilitySelect label={t("authoring.releasability")} {...form.getInputProps("releasability")} />
      </SimpleGrid>
      <Textarea label={t("authoring.note")} autosize minRows={2} {...form.getInputProps("note")} />
      <FormButtons submit={t("authoring.save")} loading={update.isPending} testId="contribution-edit-save" />
    </FormModal>
  );
}

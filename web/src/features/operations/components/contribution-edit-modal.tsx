import { NumberInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormTextInput, ReleasabilitySelect } from "../../../shared/ui";
import { useUpdateFundContribution } from "../api";
import type { FundContribution } from "../types";
import { AmountInput } from "./amount-input";
import { AuthoringDialog } from "./authoring-dialog";
import { useRowEditForm } from "./use-row-edit-form";

type ContributionValues = {
  year: number | string;
  currency: string;
  pledged: number | string;
  paid: number | string;
  note: string;
  releasability: string;
};

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
  const { form, submit } = useRowEditForm(contribution, {
    valuesOf,
    validate: {
      year: (value) => (value === "" ? t("authoring.required") : null),
      pledged: (value) => (value === "" ? t("authoring.required") : null),
    },
    body: (values) => ({
      year: Number(values.year),
      currency: values.currency.trim().toUpperCase(),
      pledged: money(values.pledged),
      paid: money(values.paid === "" ? 0 : values.paid),
      note: values.note.trim() || null,
      releasability: values.releasability,
    }),
    update,
    onClose,
  });

  return (
    <AuthoringDialog
      opened={contribution !== null}
      onClose={onClose}
      title={
        contribution
          ? `${t("authoring.editContribution")}: ${contribution.trustFund.name} · ${contribution.nation.code}`
          : ""
      }
      onSubmit={submit}
      testId="contribution-edit-form"
      grid={
        <>
          <NumberInput
            label={t("contributions.year")}
            min={1990}
            max={2200}
            {...form.getInputProps("year")}
          />
          <FormTextInput
            form={form}
            name="currency"
            label={t("contributions.currency")}
            maxLength={3}
            testId="contribution-edit-currency"
          />
          {(["pledged", "paid"] as const).map((name) => (
            <AmountInput
              key={name}
              label={t(`contributions.${name}`)}
              {...form.getInputProps(name)}
              data-testid={`contribution-edit-${name}`}
            />
          ))}
          <ReleasabilitySelect
            label={t("authoring.releasability")}
            {...form.getInputProps("releasability")}
          />
        </>
      }
      note={{ label: t("authoring.note"), input: form.getInputProps("note") }}
      save={{ loading: update.isPending, testId: "contribution-edit-save" }}
    />
  );
}

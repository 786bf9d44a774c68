import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  DimmedText,
  labelsUnder,
  notifyError,
  notifySuccess,
  PageHeader,
  RecordPage,
  ReleasabilityBadge,
  RemoveLineButton,
  RemoveRowButton,
  RowsTable,
  SectionCard,
  SmallAddButton,
  TextField,
} from "../../../shared/ui";
import { useAddRotation, useContingent, useRemoveRotation } from "../api";
import { ContingentFormModal } from "../components/contingent-form-modal";
import { FromUntilFields } from "../components/from-until-fields";
import { HeaderEditButton } from "../components/header-edit-button";
import { RotationEditModal } from "../components/rotation-edit-modal";
import { RowEditCell } from "../components/row-edit-cell";
import { SampleBadge } from "../components/sample-badge";
import { StrengthSection } from "../components/strength-chart";
import { type ContingentDetail, type Rotation, STRENGTH_CATEGORIES, type StrengthCategory } from "../types";

interface Line {
  category: StrengthCategory;
  count: number | string;
}

function RotationForm({ contingent }: { contingent: ContingentDetail }) {
  const { t } = useTranslation("operations");
  const add = useAddRotation(contingent.id);
  const [slot, setSlot] = useState(contingent.rotations[0]?.slot ?? "main");
  const [label, setLabel] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [lines, setLines] = useState<Line[]>([{ category: "military_personnel", count: "" }]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const total = lines.reduce((sum, line) => sum + (Number(line.count) || 0), 0);

  const submit = () => {
    setFieldErrors({});
    add.mutate(
      {
        slot,
        label: label || null,
        startsOn,
        endsOn: endsOn || null,
        strength: lines
          .filter((line) => line.count !== "")
          .map((line) => ({ category: line.category, count: Number(line.count) })),
      },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          setLabel("");
          setStartsOn("");
          setEndsOn("");
          setLines([{ category: "military_personnel", count: "" }]);
        },
        onError: (error) => {
          if (isApiError(error) && error.fields.length) {
            setFieldErrors(
              Object.fromEntries(error.fields.map((f) => [f.field.replace(/^body\./, ""), f.message])),
            );
          }
          notifyError(error, t);
        },
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="rotation-form">
      <Title order={3} size="h5">
        {t("contingents.addRotation")}
      </Title>
      <Group align="flex-start" wrap="wrap">
        <TextField
          label={t("contingents.slot")}
          value={slot}
          onValue={setSlot}
          error={fieldErrors.slot}
          testId="rotation-slot"
        />
        <TextField label={t("contingents.label")} value={label} onValue={setLabel} testId="rotation-label" />
        <FromUntilFields
          from={{
            value: startsOn,
            onValue: setStartsOn,
            error: fieldErrors.startsOn,
            testId: "rotation-starts",
          }}
          until={{ value: endsOn, onValue: setEndsOn, error: fieldErrors.endsOn, testId: "rotation-ends" }}
        />
      </Group>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Group key={index} align="flex-end">
          <Select
            label={t("contingents.strength")}
            value={line.category}
            allowDeselect={false}
            onChange={(value) =>
              setLines(lines.map((l, i) => (i === index ? { ...l, category: value as StrengthCategory } : l)))
            }
            data={STRENGTH_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            data-testid={`rotation-category-${index}`}
            w={240}
          />
          <NumberInput
            label={t("matrix.quantity")}
            value={line.count}
            min={0}
            onChange={(value) => setLines(lines.map((l, i) => (i === index ? { ...l, count: value } : l)))}
            data-testid={`rotation-count-${index}`}
            w={120}
          />
          {lines.length > 1 && (
            <RemoveLineButton onClick={() => setLines(lines.filter((_, i) => i !== index))} mb={4} />
          )}
        </Group>
      ))}
      <Group>
        <SmallAddButton
          variant="subtle"
          onClick={() => {
            const unused = STRENGTH_CATEGORIES.find((c) => !lines.some((l) => l.category === c));
            if (unused) setLines([...lines, { category: unused, count: "" }]);
          }}
          testId="rotation-add-line"
        >
          {t("contingents.strength")}
        </SmallAddButton>
        <Text size="sm" data-testid="rotation-form-total">
          {t("total")}: {total}
        </Text>
      </Group>
      <Group>
        <Button
          onClick={submit}
          disabled={!startsOn || !slot.trim()}
          loading={add.isPending}
          data-testid="rotation-submit"
        >
          {t("contingents.addRotation")}
        </Button>
      </Group>
    </Stack>
  );
}

function ContingentView({ contingent }: { contingent: ContingentDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const remove = useRemoveRotation(contingent.id);
  const [editing, setEditing] = useState(false);
  const [rotationEdited, setRotationEdited] = useState<Rotation | null>(null);
  return (
    <>
      {contingent.canEdit && (
        <>
          <ContingentFormModal
            operationId={contingent.operation.id}
            contingent={contingent}
            opened={editing}
            onClose={() => setEditing(false)}
          />
          <RotationEditModal
            contingentId={contingent.id}
            rotation={rotationEdited}
            onClose={() => setRotationEdited(null)}
          />
        </>
      )}
      <PageHeader
        title={contingent.name}
        actions={
          contingent.canEdit && <HeaderEditButton onClick={() => setEditing(true)} testId="contingent-edit" />
        }
        breadcrumbs={[
          { label: t("operations.title"), to: "/operations" },
          { label: contingent.operation.name, to: `/operations/${contingent.operation.id}` },
          { label: contingent.nation.code },
        ]}
        badges={
          <Group gap={6}>
            <ReleasabilityBadge level={contingent.releasability} />
            <SampleBadge show={contingent.sample} />
          </Group>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <DetailList
            items={[
              { label: t("operations.name"), value: contingent.operation.name },
              { label: t("contingents.nation"), value: contingent.nation.nameEn },
              {
                label: t("contingents.framework"),
                value: contingent.frameworkUnit
                  ? `${contingent.frameworkUnit}${contingent.frameworkNation ? ` (${contingent.frameworkNation.nameEn})` : ""}`
                  : null,
                testId: "contingent-framework",
              },
              {
                label: t("contingents.served"),
                value: contingent.firstStartsOn
                  ? `${format.date(contingent.firstStartsOn)} – ${contingent.lastEndsOn ? format.date(contingent.lastEndsOn) : t("operations.ongoing")}`
                  : null,
              },
              {
                label: t("contingents.current"),
                value: contingent.currentStrength,
                testId: "contingent-current",
              },
              { label: t("contingents.peak"), value: contingent.peakStrength, testId: "contingent-peak" },
            ]}
          />
          {contingent.note && <DimmedText mt="sm">{contingent.note}</DimmedText>}
        </Paper>
        <SectionCard title={t("contingents.rotations")}>
          <RowsTable
            rows={contingent.rotations}
            minWidth={700}
            testId="rotations-table"
            columns={[
              ...labelsUnder(t, "contingents", ["label", "slot", "from", "until", "strength"]),
              t("total"),
            ]}
            actions={contingent.canEdit}
            alignRight={[5]}
          >
            {(rotation) => (
              <Table.Tr key={rotation.id} data-testid="rotation-row">
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{rotation.label}</Text>
                    <SampleBadge show={rotation.sample} />
                  </Group>
                  {rotation.note && <DimmedText size="xs">{rotation.note}</DimmedText>}
                </Table.Td>
                <Table.Td>{rotation.slot}</Table.Td>
                <Table.Td>{format.date(rotation.startsOn, rotation.startPrecision)}</Table.Td>
                <Table.Td>
                  {rotation.endsOn ? format.date(rotation.endsOn) : t("operations.ongoing")}
                </Table.Td>
                <Table.Td>
                  {rotation.strength.map((s) => (
                    <Text key={s.category} size="xs">
                      {t(`categories.${s.category}`)}: {s.count}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td ta="right" fw={700} data-testid="rotation-total">
                  {rotation.total}
                </Table.Td>
                <RowEditCell
                  show={contingent.canEdit}
                  onEdit={() => setRotationEdited(rotation)}
                  label={t("authoring.edit")}
                  testId="rotation-edit"
                >
                  <RemoveRowButton
                    message={t("contingents.removeConfirm")}
                    remove={() => remove.mutateAsync(rotation.id)}
                  >
                    {t("contingents.removeRotation")}
                  </RemoveRowButton>
                </RowEditCell>
              </Table.Tr>
            )}
          </RowsTable>
          {contingent.canEdit && (
            <Paper withBorder p="sm" mt="md" radius="md">
              <RotationForm contingent={contingent} />
            </Paper>
          )}
        </SectionCard>
        <StrengthSection filter={{ operationId: contingent.operation.id, nationId: contingent.nation.id }} />
      </Stack>
    </>
  );
}

/** A nation's contingent in an operation: rotations, strength by category and over time. */
export function ContingentPage() {
  return (
    <RecordPage useRecord={useContingent}>
      {(contingent) => <ContingentView contingent={contingent} />}
    </RecordPage>
  );
}

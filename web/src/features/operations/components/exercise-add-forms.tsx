import { NumberInput, Select } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { InlineAddForm, savedOrFailed, TextField } from "../../../shared/ui";
import { useAddConference, useAddMilestone, useAddParticipant } from "../api";
import { CONFERENCE_KINDS, type ConferenceKind, PARTICIPANT_ROLES, type ParticipantRole } from "../types";
import { FromUntilFields } from "./from-until-fields";
import { NationPicker } from "./nation-picker";

/*
 * The rows of fields under the exercise page's tables that add one more line; each keeps its own input, which is
 * cleared once the line is saved. Their test ids are `<name>-form` and `<name>-submit`.
 */

interface AddRowProps {
  name: string;
  label: string;
  onClick: () => void;
  disabled: boolean;
  /** The add's mutation, whose pending write shows on the button. */
  add: { isPending: boolean };
  children: ReactNode;
}

function AddRow({ name, label, onClick, disabled, add, children }: AddRowProps) {
  const submit = { label, onClick, disabled, loading: add.isPending, testId: `${name}-submit` };
  return (
    <InlineAddForm testId={`${name}-form`} submit={submit}>
      {children}
    </InlineAddForm>
  );
}

/** Adds a nation to the matrix, with what it sends in personnel (one category) and a unit. */
export function ParticipantAddForm({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation("operations");
  const add = useAddParticipant(exerciseId);
  const [nationId, setNationId] = useState<string | null>(null);
  const [role, setRole] = useState<ParticipantRole>("member");
  const [category, setCategory] = useState("");
  const [quantity, setQuantity] = useState<number | string>("");
  const [unit, setUnit] = useState("");

  const submit = () => {
    if (!nationId) return;
    const contributions = [
      ...(category.trim() && quantity !== ""
        ? [{ kind: "personnel", category: category.trim(), quantity: Number(quantity) }]
        : []),
      ...(unit.trim() ? [{ kind: "unit", category: unit.trim(), quantity: 1 }] : []),
    ];
    add.mutate(
      { nationId, role, contributions },
      savedOrFailed(t, () => {
        setNationId(null);
        setCategory("");
        setQuantity("");
        setUnit("");
      }),
    );
  };

  return (
    <AddRow name="participant" label={t("matrix.add")} onClick={submit} disabled={!nationId} add={add}>
      <NationPicker
        label={t("matrix.nation")}
        value={nationId}
        onChange={(value) => setNationId(value)}
        searchable
        data-testid="participant-nation"
        w={240}
      />
      <Select
        label={t("matrix.role")}
        value={role}
        onChange={(value) => setRole((value as ParticipantRole) ?? "member")}
        data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        data-testid="participant-role"
        w={150}
      />
      <TextField
        label={t("matrix.category")}
        value={category}
        onValue={setCategory}
        testId="participant-category"
      />
      <NumberInput
        label={t("matrix.quantity")}
        value={quantity}
        onChange={setQuantity}
        min={0}
        w={110}
        data-testid="participant-quantity"
      />
      <TextField label={t("matrix.unit")} value={unit} onValue={setUnit} testId="participant-unit" />
    </AddRow>
  );
}

/** Adds a planning conference: its kind, dates (one day when no end is given) and place. */
export function ConferenceAddForm({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation("operations");
  const add = useAddConference(exerciseId);
  const [kind, setKind] = useState<ConferenceKind>("initial");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [place, setPlace] = useState("");
  const submit = () =>
    add.mutate(
      { kind, startsOn, endsOn: endsOn || startsOn, place: place || null },
      savedOrFailed(t, () => {
        setStartsOn("");
        setEndsOn("");
        setPlace("");
      }),
    );
  return (
    <AddRow name="conference" label={t("conferences.add")} onClick={submit} disabled={!startsOn} add={add}>
      <Select
        label={t("conferences.kind")}
        value={kind}
        onChange={(value) => setKind((value as ConferenceKind) ?? "initial")}
        data={CONFERENCE_KINDS.map((k) => ({ value: k, label: t(`conferences.kinds.${k}`) }))}
        allowDeselect={false}
        w={150}
        data-testid="conference-kind"
      />
      <FromUntilFields
        from={{ value: startsOn, onValue: setStartsOn, testId: "conference-starts" }}
        until={{ value: endsOn, onValue: setEndsOn, testId: "conference-ends" }}
      />
      <TextField label={t("stages.place")} value={place} onValue={setPlace} testId="conference-place" />
    </AddRow>
  );
}

/** Adds a milestone: its title, due date and, optionally, the nation that owns it. */
export function MilestoneAddForm({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation("operations");
  const add = useAddMilestone(exerciseId);
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [ownerNationId, setOwnerNationId] = useState<string | null>(null);
  const submit = () =>
    add.mutate(
      { title, dueOn, ...(ownerNationId ? { ownerNationId } : {}) },
      savedOrFailed(t, () => {
        setTitle("");
        setDueOn("");
        setOwnerNationId(null);
      }),
    );
  return (
    <AddRow
      name="milestone"
      label={t("milestones.add")}
      onClick={submit}
      disabled={!title.trim() || !dueOn}
      add={add}
    >
      <TextField
        label={t("milestones.milestone")}
        value={title}
        onValue={setTitle}
        style={{ flex: 1, minWidth: 220 }}
        testId="milestone-title"
      />
      <NationPicker
        label={t("milestones.owner")}
        value={ownerNationId}
        onChange={(value) => setOwnerNationId(value)}
        searchable
        clearable
        w={220}
        data-testid="milestone-owner"
      />
      <TextField
        type="date"
        label={t("milestones.due")}
        value={dueOn}
        onValue={setDueOn}
        testId="milestone-due"
      />
    </AddRow>
  );
}

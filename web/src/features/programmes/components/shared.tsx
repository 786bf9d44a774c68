import { Badge, Group, Select, Table, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { ReleasabilityLevel } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import { localName, useFormat } from "../../../shared/i18n/format";
import { ReleasabilityBadge } from "../../../shared/ui";
import { useNationOptions } from "../api";
import type { JoinKind, PeriodJoin } from "../types";

/**
 * The nation a page is about, kept in the URL (`?nation=<id>`). It starts with the nation the user coordinates
 * (or their own), else Azerbaijan, the partner of the source material.
 */
export function useNationParam(): [string | undefined, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const { user } = usePermissions();
  const nations = useNationOptions();
  const current = params.get("nation") ?? undefined;
  useEffect(() => {
    if (current || !nations.data) return;
    const granted = user?.grants.find((grant) => grant.nationId)?.nationId;
    const fallback = nations.data.items.find((nation) => nation.code === "AZE")?.id;
    const id = granted ?? fallback;
    if (id)
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set("nation", id);
          return next;
        },
        { replace: true },
      );
  }, [current, nations.data, user, setParams]);
  const set = (id: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (id) next.set("nation", id);
      else next.delete("nation");
      return next;
    });
  return [current, set];
}

/** A searchable pick of one nation ("CODE — name"); the dashboards use it too, under their own words. */
export function NationSelect({
  value,
  onChange,
  label,
  placeholder,
  testId = "nation-select",
}: {
  value: string | undefined;
  onChange: (id: string | null) => void;
  label?: string;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const nations = useNationOptions();
  return (
    <Select
      label={label ?? t("common.nation")}
      placeholder={placeholder ?? t("common:list.typeToFind")}
      searchable
      w={260}
      value={value ?? null}
      onChange={onChange}
      data={(nations.data?.items ?? []).map((nation) => ({
        value: nation.id,
        label: `${nation.code} — ${localName(nation, format.language)}`,
      }))}
      data-testid={testId}
    />
  );
}

export function SampleBadge({ sample }: { sample: boolean }) {
  const { t } = useTranslation("programmes");
  if (!sample) return null;
  return (
    <Badge size="xs" variant="outline" color="gray">
      {t("common.sample")}
    </Badge>
  );
}

/** A record's releasability and, when it is sample data, the sample mark: the badges beside a document's title. */
export function RecordBadges({ record }: { record: { releasability: ReleasabilityLevel; sample: boolean } }) {
  return (
    <>
      <ReleasabilityBadge level={record.releasability} />
      <SampleBadge sample={record.sample} />
    </>
  );
}

/** A table cell with a row's title and, when the row is sample data, the sample mark after it. */
export function TitleCell({ title, sample }: { title: string; sample: boolean }) {
  return (
    <Table.Td>
      <Group gap="xs">
        <Text size="sm">{title}</Text>
        <SampleBadge sample={sample} />
      </Group>
    </Table.Td>
  );
}

const JOIN_COLOURS: Record<JoinKind | "depends_on_source", string> = {
  gap: "orange",
  overlap: "grape",
  contiguous: "teal",
  unknown: "gray",
  depends_on_source: "yellow",
};

export function JoinBadge({ kind }: { kind: PeriodJoin["kind"] }) {
  const { t } = useTranslation("programmes");
  return (
    <Badge size="sm" variant="light" color={JOIN_COLOURS[kind]}>
      {t(`joins.${kind}`)}
    </Badge>
  );
}

export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

const ORGANISING_ROLES = new Set(["organiser", "course_director", "evaluator"]);

/**
 * Who may write plans, programmes, goals and milestones, as the server's policy says: the owner nation's
 * coordinators, the owner organisation's organisers, and administrators. Only hides controls: the server decides.
 */
export function useProgrammeWriters() {
  const permissions = usePermissions();
  const organises = (organisationId: string | null | undefined) =>
    !!organisationId &&
    !!permissions.user?.grants.some(
      (grant) => ORGANISING_ROLES.has(grant.role) && grant.organisationId === organisationId,
    );
  return {
    canCreate:
      permissions.isAdministrator ||
      permissions.hasRole("national_coordinator") ||
      !!permissions.user?.grants.some((grant) => ORGANISING_ROLES.has(grant.role) && grant.organisationId),
    canEdit: (record: { ownerNationId: string | null; ownerOrganisationId: string | null }) =>
      permissions.isAdministrator ||
      permissions.coordinatesNation(record.ownerNationId) ||
      organises(record.ownerOrganisationId),
  };
}

import { Anchor, Badge, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import { DetailList, PagedQuery, PageHeader, PlainTable, RecordPage, SectionCard } from "../../../shared/ui";
import { useEvaluations, useUnit } from "../api";
import { OutcomeBadge, StateBadge } from "../components/badges";
import { DeclarationForm, ProfileForm } from "../components/unit-forms";
import type { Unit } from "../types";

export function UnitPage() {
  return <RecordPage useRecord={useUnit}>{(u) => <UnitView unit={u} />}</RecordPage>;
}

function UnitView({ unit: u }: { unit: Unit }) {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const history = useEvaluations({ unitId: u.id, limit: 50, offset });
  const permissions = usePermissions();
  // The unit's profile and declarations are its nation's coordinators' (and administrators') to keep.
  const canEdit = permissions.isAdministrator || permissions.coordinatesNation(u.nation?.id);
  return (
    <>
      <PageHeader
        title={u.nameEn}
        badges={u.sample ? <Badge variant="outline">{t("units.sample")}</Badge> : undefined}
        breadcrumbs={[{ label: t("units.title"), to: "/readiness/units" }, { label: u.code }]}
      />
      <Stack>
        <Paper withBorder p="md">
          <DetailList
            items={[
              { label: t("units.code"), value: u.code },
              { label: t("units.nation"), value: u.nation?.nameEn },
              {
                label: t("units.type"),
                value: [u.unitType, u.size, u.echelon].filter(Boolean).join(", "),
              },
              { label: t("units.headquarters"), value: u.isHeadquarters ? "✓" : "—" },
              { label: t("units.parent"), value: u.parent && `${u.parent.code} · ${u.parent.nameEn}` },
            ]}
          />
          {canEdit && <ProfileForm unit={u} />}
        </Paper>
        <SectionCard title={t("units.declarations")} radius="sm">
          {u.declarations.length === 0 && <Text c="dimmed">{t("units.noDeclarations")}</Text>}
          {u.declarations.map((d) => (
            <Text key={d.id} size="sm" data-testid="unit-declaration">
              <b>{d.poolName}</b>: {format.date(d.declaredFrom)} –{" "}
              {d.declaredTo ? format.date(d.declaredTo) : t("units.openEnded")}
              {d.note && ` · ${d.note}`}
            </Text>
          ))}
          {canEdit && <DeclarationForm unit={u} />}
        </SectionCard>
        <SectionCard title={t("units.history")} radius="sm">
          <PagedQuery
            query={history}
            onOffsetChange={setOffset}
            empty={<Text c="dimmed">{t("units.noHistory")}</Text>}
          >
            {(items) => (
              <PlainTable data-testid="unit-history" minWidth={560}>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/readiness/evaluations/${e.id}`}>
                        {e.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`kinds.${e.kind}`)}</Table.Td>
                    <Table.Td>
                      {format.date(e.startsOn)} – {format.date(e.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={e.state} />
                    </Table.Td>
                    <Table.Td>
                      <OutcomeBadge outcome={e.outcome} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </PlainTable>
            )}
          </PagedQuery>
        </SectionCard>
      </Stack>
    </>
  );
}

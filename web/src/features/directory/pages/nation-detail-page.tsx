import { Badge, SimpleGrid, Stack, Table, Text, Timeline } from "@mantine/core";
import { IconCircleCheck, IconCircleMinus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { localName, useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  DetailList,
  DimmedText,
  labelsUnder,
  PageHeader,
  RecordPage,
  RemoveRowCell,
  SectionCard,
  TableHead,
} from "../../../shared/ui";
import { useDeleteNation, useNation, useRemoveMembership } from "../api";
import { AddableSection } from "../components/addable-section";
import { EndDateCell } from "../components/end-date-cell";
import { RecordActions } from "../components/form-actions";
import { MembershipModal } from "../components/membership-modal";
import { NationRecords } from "../components/nation-records";
import { useDirectoryPermissions } from "../permissions";
import type { Membership, Nation } from "../types";

interface MembershipEvent {
  key: string;
  date: string;
  precision: Membership["startPrecision"];
  membership: Membership;
  ended: boolean;
}

function membershipEvents(memberships: Membership[]): MembershipEvent[] {
  const events: MembershipEvent[] = [];
  for (const membership of memberships) {
    events.push({
      key: `${membership.id}-start`,
      date: membership.startedOn,
      precision: membership.startPrecision,
      membership,
      ended: false,
    });
    if (membership.endedOn) {
      events.push({
        key: `${membership.id}-end`,
        date: membership.endedOn,
        precision: "day",
        membership,
        ended: true,
      });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

function Memberships({ nation, canManage }: { nation: Nation; canManage: boolean }) {
  const { t } = useTranslation("directory");
  const format = useFormat();
  const remove = useRemoveMembership(nation.id);
  const memberships = [...nation.memberships].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const events = membershipEvents(memberships);

  return (
    <AddableSection
      title={t("memberships.title")}
      canManage={canManage}
      add={{
        label: t("memberships.add"),
        testId: "membership-add",
        dialog: (props) => <MembershipModal nationId={nation.id} {...props} />,
      }}
    >
      {memberships.length === 0 ? (
        <DimmedText data-testid="memberships-empty">{t("memberships.none")}</DimmedText>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <Table.ScrollContainer minWidth={560} style={{ gridColumn: "span 2" }}>
            <Table striped data-testid="memberships-table">
              <TableHead
                columns={labelsUnder(t, "memberships", ["kind", "startedOn", "endedOn", "source"])}
                actions={canManage && t("common:list.actions")}
              />
              <Table.Tbody>
                {memberships.map((membership) => (
                  <Table.Tr key={membership.id} data-testid={`membership-row-${membership.kind}`}>
                    <Table.Td>
                      <Text size="sm">{t(`membershipKinds.${membership.kind}`)}</Text>
                      {membership.note && <DimmedText size="xs">{membership.note}</DimmedText>}
                    </Table.Td>
                    <Table.Td>{format.date(membership.startedOn, membership.startPrecision)}</Table.Td>
                    <EndDateCell endedOn={membership.endedOn} openLabel={t("memberships.ongoing")} />
                    <Table.Td>
                      <Text size="sm">{membership.source ?? ""}</Text>
                    </Table.Td>
                    <RemoveRowCell
                      show={canManage}
                      message={t("memberships.removeConfirm")}
                      remove={() => remove.mutateAsync(membership.id)}
                      testId={`membership-remove-${membership.id}`}
                    >
                      {t("memberships.remove")}
                    </RemoveRowCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t("memberships.timeline")}
            </Text>
            <Timeline active={events.length} bulletSize={20} lineWidth={2} data-testid="memberships-timeline">
              {events.map((event) => (
                <Timeline.Item
                  key={event.key}
                  color={event.ended ? "gray" : undefined}
                  bullet={event.ended ? <IconCircleMinus size={12} /> : <IconCircleCheck size={12} />}
                  title={
                    <Text size="sm" fw={600}>
                      {t(event.ended ? "memberships.left" : "memberships.joined", {
                        kind: t(`membershipKinds.${event.membership.kind}`),
                      })}
                    </Text>
                  }
                >
                  <DimmedText size="xs">{format.date(event.date, event.precision)}</DimmedText>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        </SimpleGrid>
      )}
    </AddableSection>
  );
}

export function NationDetailPage() {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const can = useDirectoryPermissions();
  const remove = useDeleteNation();

  return (
    <RecordPage useRecord={useNation}>
      {(data) => (
        <>
          <PageHeader
            title={localName(data, language)}
            breadcrumbs={[{ label: t("nations.title"), to: "/nations" }, { label: data.code }]}
            badges={
              <>
                <Badge variant="outline">{data.code}</Badge>
                <ArchivedBadge archivedAt={data.archivedAt} />
              </>
            }
            actions={
              can.manageNations && (
                <RecordActions section="nations" id={data.id} remove={() => remove.mutateAsync(data.id)} />
              )
            }
          />
          <Stack>
            <SectionCard title={t("nations.names")}>
              <DetailList
                cols={4}
                items={[
                  { label: t("nations.code"), value: data.code, testId: "nation-code" },
                  {
                    label: t("nations.nameEn"),
                    value: <span lang="en">{data.nameEn}</span>,
                    testId: "nation-name-en",
                  },
                  {
                    label: t("nations.nameAz"),
                    value: <span lang="az">{data.nameAz}</span>,
                    testId: "nation-name-az",
                  },
                  {
                    label: t("nations.nameRu"),
                    value: <span lang="ru">{data.nameRu}</span>,
                    testId: "nation-name-ru",
                  },
                ]}
              />
            </SectionCard>
            <Memberships nation={data} canManage={can.manageNations} />
            <NationRecords nationId={data.id} />
          </Stack>
        </>
      )}
    </RecordPage>
  );
}

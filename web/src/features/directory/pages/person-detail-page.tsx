import { Anchor, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  DetailList,
  labelsUnder,
  PageHeader,
  RecordPage,
  ReleasabilityBadge,
  RemoveRowCell,
  RowsTable,
  SectionCard,
} from "../../../shared/ui";
import { useDeletePerson, usePerson, useRemoveAffiliation } from "../api";
import { AddableSection } from "../components/addable-section";
import { AffiliationModal } from "../components/affiliation-modal";
import { EndDateCell } from "../components/end-date-cell";
import { RecordActions } from "../components/form-actions";
import { PersonRecords } from "../components/person-records";
import { languageName } from "../languages";
import { useDirectoryPermissions } from "../permissions";
import type { PersonDetail } from "../types";

function Affiliations({ person, canManage }: { person: PersonDetail; canManage: boolean }) {
  const { t } = useTranslation("directory");
  const format = useFormat();
  const remove = useRemoveAffiliation(person.id);
  // Most recent first; open-ended (current) ones on top.
  const affiliations = [...person.affiliations].sort(
    (a, b) =>
      Number(!!a.endedOn) - Number(!!b.endedOn) || (b.startedOn ?? "").localeCompare(a.startedOn ?? ""),
  );

  return (
    <AddableSection
      title={t("affiliations.title")}
      canManage={canManage}
      add={{
        label: t("affiliations.add"),
        testId: "affiliation-add",
        dialog: (props) => <AffiliationModal personId={person.id} {...props} />,
      }}
    >
      <RowsTable
        rows={affiliations}
        empty={t("affiliations.none")}
        minWidth={560}
        testId="affiliations-table"
        columns={labelsUnder(t, "affiliations", ["organisation", "position", "startedOn", "endedOn"])}
        actions={canManage && t("common:list.actions")}
      >
        {(affiliation) => (
          <Table.Tr key={affiliation.id} data-testid={`affiliation-row-${affiliation.organisation.code}`}>
            <Table.Td>
              <Anchor component={Link} to={`/organisations/${affiliation.organisationId}`} size="sm">
                {affiliation.organisation.code} — {affiliation.organisation.nameEn}
              </Anchor>
            </Table.Td>
            <Table.Td>{affiliation.position ?? ""}</Table.Td>
            <Table.Td>{format.date(affiliation.startedOn)}</Table.Td>
            <EndDateCell endedOn={affiliation.endedOn} openLabel={t("affiliations.present")} />
            <RemoveRowCell
              show={canManage}
              message={t("affiliations.removeConfirm")}
              remove={() => remove.mutateAsync(affiliation.id)}
              testId={`affiliation-remove-${affiliation.id}`}
            >
              {t("common:actions.remove")}
            </RemoveRowCell>
          </Table.Tr>
        )}
      </RowsTable>
    </AddableSection>
  );
}

export function PersonDetailPage() {
  const { t } = useTranslation("directory");
  const format = useFormat();
  const can = useDirectoryPermissions();
  const remove = useDeletePerson();

  return (
    <RecordPage useRecord={usePerson}>
      {(data) => {
        const canManage = can.managePerson(data);
        const name = `${data.givenName} ${data.familyName}`;
        return (
          <>
            <PageHeader
              title={data.rankTitle ? `${data.rankTitle} ${name}` : name}
              documentTitle={name}
              breadcrumbs={[{ label: t("people.title"), to: "/people" }, { label: name }]}
              badges={
                <>
                  <ReleasabilityBadge level={data.releasability} />
                  <ArchivedBadge archivedAt={data.archivedAt} />
                </>
              }
              actions={
                canManage && (
                  <RecordActions section="people" id={data.id} remove={() => remove.mutateAsync(data.id)} />
                )
              }
            />
            <Stack>
              <SectionCard title={t("details")}>
                <DetailList
                  items={[
                    { label: t("people.givenName"), value: data.givenName, testId: "person-given-name" },
                    { label: t("people.familyName"), value: data.familyName, testId: "person-family-name" },
                    { label: t("people.rankTitle"), value: data.rankTitle },
                    {
                      label: t("people.nation"),
                      value: (
                        <Anchor component={Link} to={`/nations/${data.nation.id}`}>
                          {data.nation.code} — {data.nation.nameEn}
                        </Anchor>
                      ),
                    },
                    {
                      label: t("people.organisation"),
                      value: data.currentOrganisation && (
                        <Anchor component={Link} to={`/organisations/${data.currentOrganisation.id}`}>
                          {data.currentOrganisation.code} — {data.currentOrganisation.nameEn}
                        </Anchor>
                      ),
                    },
                    {
                      label: t("people.email"),
                      value: data.email && <Anchor href={`mailto:${data.email}`}>{data.email}</Anchor>,
                    },
                    { label: t("people.phone"), value: data.phone },
                    {
                      label: t("people.languages"),
                      value: data.languages.map((code) => languageName(code, format.language)).join(", "),
                    },
                  ]}
                />
              </SectionCard>
              <Affiliations person={data} canManage={canManage} />
              <PersonRecords personId={data.id} />
            </Stack>
          </>
        );
      }}
    </RecordPage>
  );
}

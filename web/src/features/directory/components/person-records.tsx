import { Anchor, Badge, Table } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, isApiError, type Page } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import { TableHead } from "../../../shared/ui";
import type { Nomination } from "../../catalogue/types";
import type { EvaluationSummary } from "../../readiness/types";
import type { Certificate } from "../../training/types";
import { directoryKeys } from "../api";
import { PagedRecords, RECORDS_LIMIT } from "./paged-records";

/** An evaluation listed by person, with that person's role on its team (the list route answers it). */
type TeamEvaluation = EvaluationSummary & { teamRole: "lead" | "evaluator" | null };

interface RecordListProps<T> {
  personId: string;
  /** A list route of the record's own module: the server applies that list's access rules. */
  path: string;
  title: string;
  empty: string;
  testId: string;
  /** The columns, by their titles' keys under `records.`; `row` gives a cell for each. */
  columns: string[];
  row: (item: T) => ReactNode[];
}

/**
 * One of the person's records, paged through the list route that lists it elsewhere, filtered by the
 * person: a record the viewer may not read there is not listed here either. A viewer whose role may not
 * read the list at all (403) sees no section.
 */
function RecordList<T extends { id: string }>({
  personId,
  path,
  title,
  empty,
  testId,
  columns,
  row,
}: RecordListProps<T>) {
  const { t } = useTranslation("directory");
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: [...directoryKeys.person(personId), "records", path, offset],
    queryFn: ({ signal }) => api.get<Page<T>>(path, { personId, limit: RECORDS_LIMIT, offset }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (isApiError(query.error) && (query.error.status === 403 || query.error.status === 401)) return null;
  return (
    <PagedRecords
      title={title}
      testId={testId}
      query={query}
      empty={empty}
      minWidth={560}
      offset={offset}
      onOffsetChange={setOffset}
    >
      {(items) => (
        <>
          <TableHead columns={columns.map((column) => t(`records.${column}`))} />
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={`${testId}-row`}>
                {row(item).map((cell, index) => (
                  <Table.Td key={columns[index]}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </>
      )}
    </PagedRecords>
  );
}

export function PersonRecords({ personId }: { personId: string }) {
  const { t } = useTranslation("directory");
  const format = useFormat();
  const span = (from: string, to: string) => `${format.date(from)} – ${format.date(to)}`;
  const titleOf = (titles: Certificate["courseTitle"]) => titles[format.language] ?? titles.en;
  return (
    <>
      <RecordList<Nomination>
        personId={personId}
        path="/api/nominations"
        title={t("records.nominations")}
        empty={t("records.noNominations")}
        testId="person-nominations"
        columns={["activity", "dates", "status"]}
        row={(nomination) => [
          <Anchor key="event" component={Link} to={`/catalogue/events/${nomination.eventId}`} size="sm">
            {nomination.event.activityCode} — {nomination.event.activityTitle}
          </Anchor>,
          span(nomination.event.startsOn, nomination.event.endsOn),
          <Badge key="status" variant="light">
            {t(`records.nominationStatus.${nomination.status}`)}
          </Badge>,
        ]}
      />
      <RecordList<Certificate>
        personId={personId}
        path="/api/training/certificates"
        title={t("records.certificates")}
        empty={t("records.noCertificates")}
        testId="person-certificates"
        columns={["number", "course", "issuedOn", "status"]}
        row={(certificate) => [
          certificate.number,
          <Anchor key="course" component={Link} to={`/training/courses/${certificate.courseId}`} size="sm">
            {titleOf(certificate.courseTitle)}
          </Anchor>,
          format.date(certificate.issuedOn),
          <Badge key="status" variant="light" color={certificate.status === "valid" ? "teal" : "gray"}>
            {t(`records.certificateStatus.${certificate.status}`)}
          </Badge>,
        ]}
      />
      <RecordList<TeamEvaluation>
        personId={personId}
        path="/api/readiness/evaluations"
        title={t("records.teams")}
        empty={t("records.noTeams")}
        testId="person-teams"
        columns={["evaluation", "teamRole", "unit", "dates", "status"]}
        row={(evaluation) => [
          <Anchor key="evaluation" component={Link} to={`/readiness/evaluations/${evaluation.id}`} size="sm">
            {evaluation.title}
          </Anchor>,
          evaluation.teamRole ? (
            <Badge
              key="role"
              variant={evaluation.teamRole === "lead" ? "filled" : "light"}
              data-testid="team-role"
            >
              {t(`records.teamRoles.${evaluation.teamRole}`)}
            </Badge>
          ) : null,
          `${evaluation.unit.code} — ${evaluation.unit.nameEn}`,
          span(evaluation.startsOn, evaluation.endsOn),
          <Badge key="state" variant="light">
            {t(`records.evaluationState.${evaluation.state}`)}
          </Badge>,
        ]}
      />
    </>
  );
}

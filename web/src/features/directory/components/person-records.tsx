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
  /** Names the list: its title `records.<name>`, its empty text `records.none.<name>`, its test id `person-<name>`. */
  name: "nominations" | "certificates" | "teams";
  /** A list route of the record's own module: the server applies that list's access rules. */
  path: string;
  /** The columns, by their titles' keys under `records.`; `row` gives a cell for each. */
  columns: string[];
  row: (item: T) => ReactNode[];
}

/**
 * One of the person's records, paged through the list route that lists it elsewhere, filtered by the
 * person: a record the viewer may not read there is not listed here either. A viewer whose role may not
 * read the list at all (403) sees no section.
 */
function RecordList<T extends { id: string }>({ personId, name, path, columns, row }: RecordListProps<T>) {
  const { t } = useTranslation("directory");
  const testId = `person-${name}`;
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
      title={t(`records.${name}`)}
      testId={testId}
      query={query}
      empty={t(`records.none.${name}`)}
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
  /** A record's status cell: its translation under `records.` on a light badge. */
  const status = (key: string, color?: string) => (
    <Badge key="status" variant="light" color={color}>
      {t(`records.${key}`)}
    </Badge>
  );
  return (
    <>
      <RecordList<Nomination>
        personId={personId}
        name="nominations"
        path="/api/nominations"
        columns={["activity", "dates", "status"]}
        row={(nomination) => [
          <Anchor key="event" component={Link} to={`/catalogue/events/${nomination.eventId}`} size="sm">
            {nomination.event.activityCode} — {nomination.event.activityTitle}
          </Anchor>,
          span(nomination.event.startsOn, nomination.event.endsOn),
          status(`nominationStatus.${nomination.status}`),
        ]}
      />
      <RecordList<Certificate>
        personId={personId}
        name="certificates"
        path="/api/training/certificates"
        columns={["number", "course", "issuedOn", "status"]}
        row={(certificate) => [
          certificate.number,
          <Anchor key="course" component={Link} to={`/training/courses/${certificate.courseId}`} size="sm">
            {titleOf(certificate.courseTitle)}
          </Anchor>,
          format.date(certificate.issuedOn),
          status(`certificateStatus.${certificate.status}`, certificate.status === "valid" ? "teal" : "gray"),
        ]}
      />
      <RecordList<TeamEvaluation>
        personId={personId}
        name="teams"
        path="/api/readiness/evaluations"
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
          status(`evaluationState.${evaluation.state}`),
        ]}
      />
    </>
  );
}

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { PageHeader, QueryBoundary } from "../../../shared/ui";
import type { RecordSection } from "../types";

/** A record of each list as the test ids name it (`nation-form`, `person-search`…). */
export const RECORD_TEST_NAME: Record<RecordSection, string> = {
  nations: "nation",
  organisations: "organisation",
  people: "person",
};

export interface RecordFormPageProps<T extends { id: string }> {
  /** The list the record belongs to: its words (`<section>.title`, `.create`, `.edit`) and its path. */
  section: RecordSection;
  /** The query of the record that the address's `:id` names (none on the create page). */
  useRecord: (id: string | undefined) => UseQueryResult<T>;
  /** The record's name in the breadcrumbs. */
  name: (record: T) => string;
  /** The form: of the record to edit, or of a new one when there is none. */
  children: (record?: T) => ReactNode;
}

/** `/<section>/new` and `/<section>/:id/edit`: the header (create or edit, and the way back) above the form. */
export function RecordFormPage<T extends { id: string }>({
  section,
  useRecord,
  name,
  children,
}: RecordFormPageProps<T>) {
  const { id } = useParams();
  const { t } = useTranslation("directory");
  const record = useRecord(id);
  const list = { label: t(`${section}.title`), to: `/${section}` };

  if (!id) {
    return (
      <>
        <PageHeader title={t(`${section}.create`)} breadcrumbs={[list]} />
        {children()}
      </>
    );
  }
  return (
    <QueryBoundary query={record}>
      {(data) => (
        <>
          <PageHeader
            title={t(`${section}.edit`)}
            breadcrumbs={[list, { label: name(data), to: `/${section}/${data.id}` }]}
          />
          {children(data)}
        </>
      )}
    </QueryBoundary>
  );
}

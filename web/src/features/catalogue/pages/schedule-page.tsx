import { Paper } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { EmptyState, PagedQuery, PageHeader } from "../../../shared/ui";
import { useNominations } from "../api";
import { NominationsTable } from "../components/nominations-table";
import { SeatOffers } from "../components/seat-offers";

/** A person's schedule: their own nominations (participant), or their nation's (coordinator). */
export function SchedulePage() {
  const { t } = useTranslation("catalogue");
  const { hasRole, coordinatesNation } = usePermissions();
  const scope = hasRole("national_coordinator") ? "nominating" : "mine";
  const [offset, setOffset] = useState(0);
  const nominations = useNominations({ scope, sort: "startsOn", limit: 50, offset });
  return (
    <>
      <PageHeader title={t("schedule.title")} description={t("schedule.description")} />
      <SeatOffers eventId={null} />
      <Paper withBorder p="md">
        <PagedQuery
          query={nominations}
          onOffsetChange={setOffset}
          empty={<EmptyState description={t("schedule.empty")} />}
        >
          {(items) => (
            <NominationsTable
              nominations={items}
              canManage={() => false}
              canWithdraw={(n) => coordinatesNation(n.nationId)}
              showEvent
            />
          )}
        </PagedQuery>
      </Paper>
    </>
  );
}

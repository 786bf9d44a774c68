import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { EmptyState, PageHeader, QueryBoundary } from "../../../shared/ui";
import { useNominations } from "../api";
import { NominationsTable } from "../components/nominations-table";

/** A person's schedule: their own nominations (participant), or their nation's (coordinator). */
export function SchedulePage() {
  const { t } = useTranslation("catalogue");
  const { hasRole, coordinatesNation } = usePermissions();
  const scope = hasRole("national_coordinator") ? "nominating" : "mine";
  const nominations = useNominations({ scope, sort: "startsOn", limit: 100 });
  return (
    <>
      <PageHeader title={t("schedule.title")} description={t("schedule.description")} />
      <Paper withBorder p="md">
        <QueryBoundary query={nominations}>
          {(page) =>
            page.items.length ? (
              <NominationsTable
                nominations={page.items}
                canManage={() => false}
                canWithdraw={(n) => coordinatesNation(n.nationId)}
                showEvent
              />
            ) : (
              <EmptyState description={t("schedule.empty")} />
            )
          }
        </QueryBoundary>
      </Paper>
    </>
  );
}

import { Button, Group, Paper, Switch, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess, PagedQuery, PageHeader } from "../../../shared/ui";
import { useDecideMany, useNominations } from "../api";
import { NominationsTable } from "../components/nominations-table";
import type { Decision } from "../types";

const PAGE_SIZE = 50;

/** The decisions the inbox takes on the selected nominations at once, each a button. */
const BULK_DECISIONS = [
  { decision: "accept", variant: undefined, label: "inbox.acceptSelected" },
  { decision: "waitlist", variant: "light", label: "inbox.waitlistSelected" },
] as const satisfies readonly { decision: Decision; variant?: string; label: string }[];

/** The organiser's inbox: nominations to their events awaiting a decision, with bulk accept and waitlist. */
export function InboxPage() {
  const { t } = useTranslation("catalogue");
  const [all, setAll] = useState(false);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const nominations = useNominations({
    scope: "organising",
    status: all ? undefined : "nominated",
    limit: PAGE_SIZE,
    offset,
  });
  const bulk = useDecideMany();

  const apply = async (decision: Decision) => {
    try {
      const outcome = await bulk.mutateAsync({ nominationIds: [...selected], decision });
      const ok = outcome.results.filter((result) => result.ok).length;
      notifySuccess(t("inbox.bulkDone", { ok, failed: outcome.results.length - ok }));
      setSelected(new Set());
    } catch (error) {
      notifyError(error, t);
    }
  };

  return (
    <>
      <PageHeader title={t("inbox.title")} description={t("inbox.description")} />
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Group>
            <Text size="sm">{t("inbox.selected", { count: selected.size })}</Text>
            {BULK_DECISIONS.map(({ decision, variant, label }) => (
              <Button
                key={decision}
                size="xs"
                variant={variant}
                disabled={!selected.size}
                loading={bulk.isPending}
                onClick={() => apply(decision)}
                data-testid={`bulk-${decision}`}
              >
                {t(label)}
              </Button>
            ))}
          </Group>
          <Switch
            label={t("inbox.showAll")}
            checked={all}
            onChange={(e) => {
              setAll(e.currentTarget.checked);
              setOffset(0);
            }}
          />
        </Group>
        <PagedQuery query={nominations} onOffsetChange={setOffset}>
          {(items) => (
            <NominationsTable
              nominations={items}
              canManage={() => true}
              canWithdraw={() => false}
              showEvent
              selectable={{ selected, onChange: setSelected }}
            />
          )}
        </PagedQuery>
      </Paper>
    </>
  );
}

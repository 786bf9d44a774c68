import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { formatNumber, useFormat } from "../../../shared/i18n/format";
import {
  DataTable,
  type DataTableColumn,
  DownloadMenu,
  EmptyState,
  labelsUnder,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  QueryBoundary,
  ReleasabilityBadge,
  RowActionButton,
  SectionCard,
  TextField,
  useListParams,
} from "../../../shared/ui";
import { useAddFundContribution, useFundContributions, useFundTotals, useTrustFunds } from "../api";
import { AmountInput } from "../components/amount-input";
import { ContributionEditModal } from "../components/contribution-edit-modal";
import { NationPicker } from "../components/nation-picker";
import { SampleBadge } from "../components/sample-badge";
import type { FundContribution } from "../types";

function useMoney() {
  const { language } = useFormat();
  return (amount: string, currency: string) => {
    try {
      return formatNumber(Number(amount), language, { style: "currency", currency });
    } catch {
      return `${amount} ${currency}`;
    }
  };
}

function ContributionForm({ trustFunds }: { trustFunds: { id: string; name: string }[] }) {
  const { t } = useTranslation("operations");
  const add = useAddFundContribution();
  const [trustFundId, setTrustFundId] = useState<string | null>(trustFunds[0]?.id ?? null);
  const [nationId, setNationId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [currency, setCurrency] = useState("USD");
  const [pledged, setPledged] = useState<number | string>("");
  const [paid, setPaid] = useState<number | string>("");
  const submit = () =>
    add.mutate(
      {
        trustFundId,
        nationId,
        year: Number(year),
        currency: currency.toUpperCase(),
        pledged: Number(pledged).toFixed(2),
        ...(paid !== "" ? { paid: Number(paid).toFixed(2) } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          setPledged("");
          setPaid("");
        },
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <Group align="flex-end" wrap="wrap" data-testid="contribution-form">
      <Select
        label={t("contributions.fund")}
        placeholder={t("common:list.choose")}
        value={trustFundId}
        onChange={setTrustFundId}
        data={trustFunds.map((fund) => ({ value: fund.id, label: fund.name }))}
        w={{ base: "100%", sm: 260 }}
      />
      <NationPicker
        label={t("contributions.nation")}
        placeholder={t("common:list.typeToFind")}
        value={nationId}
        onChange={(v) => setNationId(v)}
        w={{ base: "100%", sm: 200 }}
      />
      <NumberInput
        label={t("contributions.year")}
        placeholder={t("common:list.yearExample", { year: new Date().getFullYear() })}
        value={year}
        onChange={setYear}
        min={1990}
        max={2200}
        w={100}
      />
      <TextField
        label={t("contributions.currency")}
        placeholder="EUR"
        value={currency}
        maxLength={3}
        onValue={setCurrency}
        w={90}
      />
      <AmountInput label={t("contributions.pledged")} placeholder="0" value={pledged} onChange={setPledged} />
      <AmountInput label={t("contributions.paid")} placeholder="0" value={paid} onChange={setPaid} />
      <Button
        leftSection={<IconPlus size={14} />}
        onClick={submit}
        disabled={!trustFundId || !nationId || pledged === ""}
        loading={add.isPending}
      >
        {t("contributions.add")}
      </Button>
    </Group>
  );
}

/** Financial contributions to trust funds the user may see, with totals by year and currency. */
export function ContributionsPage() {
  const { t } = useTranslation("operations");
  const money = useMoney();
  const { hasRole, isAdministrator } = usePermissions();
  const params = useListParams({ defaultSort: "-year", filters: ["nationId"] as const });
  // The nation filter lives in the address, so that a nation's page can link to its contributions.
  const nationId = params.filters.nationId || undefined;
  const contributions = useFundContributions({ nationId, limit: params.limit, offset: params.offset });
  const totals = useFundTotals({ nationId });
  const funds = useTrustFunds();
  const [edited, setEdited] = useState<FundContribution | null>(null);

  const columns: DataTableColumn<FundContribution>[] = [
    {
      key: "fund",
      header: t("contributions.fund"),
      render: (row) => (
        <Group gap={6}>
          <Text size="sm">{row.trustFund.name}</Text>
          <SampleBadge show={row.sample} />
        </Group>
      ),
    },
    { key: "nation", header: t("contributions.nation"), render: (row) => row.nation.code },
    { key: "year", header: t("contributions.year"), render: (row) => row.year },
    { key: "currency", header: t("contributions.currency"), render: (row) => row.currency },
    {
      key: "pledged",
      header: t("contributions.pledged"),
      align: "right",
      render: (row) => money(row.pledged, row.currency),
    },
    {
      key: "paid",
      header: t("contributions.paid"),
      align: "right",
      render: (row) => money(row.paid, row.currency),
    },
    {
      key: "outstanding",
      header: t("contributions.outstanding"),
      align: "right",
      render: (row) => money(row.outstanding, row.currency),
    },
    {
      key: "release",
      header: "",
      render: (row) => <ReleasabilityBadge level={row.releasability} size="xs" />,
    },
    {
      key: "edit",
      header: "",
      render: (row) =>
        row.canEdit ? (
          <RowActionButton
            onClick={() => setEdited(row)}
            testId={`contribution-edit-${row.year}-${row.currency}`}
          >
            {t("authoring.edit")}
          </RowActionButton>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("contributions.title")}
        description={t("contributions.description")}
        breadcrumbs={[
          { label: t("operations.title"), to: "/operations" },
          { label: t("contributions.title") },
        ]}
        actions={<DownloadMenu kind="fund-contributions" filters={{ nationId }} />}
      />
      <ContributionEditModal contribution={edited} onClose={() => setEdited(null)} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Group mb="sm">
            <NationPicker
              label={t("contributions.nation")}
              placeholder={t("contributions.allNations")}
              value={nationId ?? null}
              onChange={(value) => params.setFilter("nationId", value)}
              clearable
              w={{ base: "100%", sm: 280 }}
              data-testid="contributions-nation-filter"
            />
          </Group>
          <QueryBoundary query={contributions}>
            {(page) => (
              <DataTable
                data-testid="contributions-table"
                columns={columns}
                rows={page.items}
                rowKey={(row) => row.id}
                rowTestId={(row) => `contribution-${row.year}-${row.currency}`}
                total={page.total}
                limit={page.limit}
                offset={page.offset}
                onOffsetChange={params.setOffset}
                fetching={contributions.isFetching}
                empty={<EmptyState title={t("contributions.none")} />}
              />
            )}
          </QueryBoundary>
        </Paper>
        <SectionCard title={t("contributions.totals")}>
          <QueryBoundary query={totals}>
            {({ totals: rows }) => (
              <PlainTable
                minWidth={420}
                striped
                data-testid="contribution-totals"
                columns={labelsUnder(t, "contributions", ["year", "currency", "pledged", "paid"])}
                alignRight={[2, 3]}
              >
                {rows.map((row) => (
                  <Table.Tr key={`${row.year}-${row.currency}`}>
                    <Table.Td>{row.year}</Table.Td>
                    <Table.Td>{row.currency}</Table.Td>
                    <Table.Td ta="right">{money(row.pledged, row.currency)}</Table.Td>
                    <Table.Td ta="right">{money(row.paid, row.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </PlainTable>
            )}
          </QueryBoundary>
        </SectionCard>
        {(isAdministrator || hasRole("national_coordinator")) &&
          funds.data &&
          funds.data.items.length > 0 && (
            <Paper withBorder p="md" radius="md">
              <ContributionForm trustFunds={funds.data.items} />
            </Paper>
          )}
      </Stack>
    </>
  );
}

import {
  Badge,
  Button,
  Checkbox,
  Code,
  Drawer,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconFilter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { toQueryString } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  DataTable,
  type DataTableColumn,
  EmptyState,
  ExportButtons,
  listSwitch,
  notifyError,
  optionsUnder,
  PageHeader,
  QueryBoundary,
  RowLink,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { useActivities, useAreas, useCreateCalendarToken } from "../api";
import { ImportLink } from "../components/import-link";
import { localTitle, useDateRange } from "../components/labels";
import type { ActivitySummary, FacetBucket, FacetName } from "../types";

const FILTERS = [
  "kind",
  "area",
  "organiserId",
  "hostNationId",
  "language",
  "year",
  "from",
  "to",
  "eligibleForMyNation",
  "hasFreeSeats",
] as const;
const FACET_PARAM: Record<FacetName, (typeof FILTERS)[number]> = {
  kind: "kind",
  area: "area",
  organiser: "organiserId",
  hostNation: "hostNationId",
  language: "language",
  year: "year",
};
const MULTI: FacetName[] = ["kind", "area"];

export function CatalogueSearchPage() {
  const { t } = useTranslation("catalogue");
  const { language } = useFormat();
  const navigate = useNavigate();
  const dates = useDateRange();
  const { signedIn, hasAnyRole } = usePermissions();
  const list = useListParams({ defaultSort: "upcoming", filters: FILTERS, limit: 25 });
  const areas = useAreas();
  const query = {
    q: list.q || undefined,
    sort: list.q && list.sort === "upcoming" ? "relevance" : list.sort,
    limit: list.limit,
    offset: list.offset,
    ...Object.fromEntries(Object.entries(list.filters).filter(([, value]) => value)),
  };
  const activities = useActivities(query);
  // The export takes the search's own filters (every page), headers in the UI language.
  const { limit: _limit, offset: _offset, ...exportFilters } = query;
  const exportUrl = (format: "csv" | "xlsx") =>
    `/api/exports/activities${toQueryString({ ...exportFilters, format, lang: language })}`;
  const createFeed = useCreateCalendarToken();
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const saveSearchFeed = async () => {
    const { kind, area, organiserId, hostNationId, language: lang, year } = list.filters;
    try {
      const token = await createFeed.mutateAsync({
        scope: "search",
        label: list.q || t("search.title"),
        search: {
          ...(list.q ? { q: list.q } : {}),
          ...(kind ? { kind } : {}),
          ...(area ? { area } : {}),
          ...(organiserId ? { organiserId } : {}),
          ...(hostNationId ? { hostNationId } : {}),
          ...(lang ? { language: lang } : {}),
          ...(year ? { year: Number(year) } : {}),
        },
      });
      setFeedUrl(`${window.location.origin}${token.url}`);
    } catch (error) {
      notifyError(error, t);
    }
  };
  const filtered = Object.values(list.filters).some(Boolean) || !!list.q;
  // Every chosen value counts (two areas are two filters); the search box is not a filter.
  const activeFilters = Object.values(list.filters).reduce(
    (count, value) => count + value.split(",").filter(Boolean).length,
    0,
  );
  // Below the md breakpoint the filters wait behind a button, so that a phone shows the results first.
  const small = useMediaQuery("(max-width: 61.99em)");
  const [filtersOpen, filtersDrawer] = useDisclosure(false);

  const areaName = (code: string) => {
    const area = areas.data?.find((item) => item.code === code);
    if (!area) return code;
    return language === "az" ? area.nameAz : language === "ru" ? area.nameRu : area.nameEn;
  };
  const bucketLabel = (facet: FacetName, bucket: FacetBucket) =>
    facet === "kind"
      ? t(`common:activityKinds.${bucket.value}`)
      : facet === "area"
        ? areaName(bucket.value)
        : bucket.label;

  const toggle = (facet: FacetName, value: string) => {
    const param = FACET_PARAM[facet];
    if (!MULTI.includes(facet)) {
      list.setFilter(param, list.filters[param] === value ? null : value);
      return;
    }
    const current = new Set(list.filters[param].split(",").filter(Boolean));
    if (current.has(value)) current.delete(value);
    else current.add(value);
    list.setFilter(param, [...current].join(",") || null);
  };
  const isChecked = (facet: FacetName, value: string) =>
    list.filters[FACET_PARAM[facet]].split(",").includes(value);

  const columns: DataTableColumn<ActivitySummary>[] = [
    { key: "code", header: t("fields.code"), sortKey: "code", width: 150, render: (a) => a.code },
    {
      key: "title",
      header: t("fields.title"),
      sortKey: "title",
      render: (a) => (
        <Stack gap={2}>
          <RowLink to={`/catalogue/activities/${a.id}`}>{localTitle(a, language)}</RowLink>
          <Group gap={4}>
            <Badge size="xs" variant="light">
              {t(`common:activityKinds.${a.kind}`)}
            </Badge>
            {a.status !== "published" && (
              <Badge size="xs" color="gray">
                {t(`statuses.${a.status}`)}
              </Badge>
            )}
            {a.sample && (
              <Badge size="xs" color="grape" variant="outline">
                {t("fields.sample")}
              </Badge>
            )}
          </Group>
        </Stack>
      ),
    },
    {
      key: "dates",
      header: t("fields.dates"),
      sortKey: "startsOn",
      render: (a) => dates(a.firstStartsOn, a.lastEndsOn),
    },
    {
      key: "place",
      header: t("fields.place"),
      render: (a) =>
        a.online ? t("fields.online") : [a.city, a.hostNation?.code].filter(Boolean).join(", "),
    },
    { key: "organiser", header: t("fields.organiser"), render: (a) => a.organiser.code },
    {
      key: "free",
      header: t("fields.freeSeats"),
      render: (a) => (a.freeSeats === null ? t("fields.unlimited") : a.freeSeats),
    },
  ];

  const facets = (
    <Stack gap="sm" data-testid="catalogue-facets">
      {signedIn && (
        <Switch
          label={t("search.eligibleForMyNation")}
          {...listSwitch(list, "eligibleForMyNation")}
          data-testid="filter-eligible"
        />
      )}
      <Switch
        label={t("search.hasFreeSeats")}
        {...listSwitch(list, "hasFreeSeats")}
        data-testid="filter-free-seats"
      />
      <Group grow>
        <TextInput
          type="date"
          label={t("search.from")}
          value={list.filters.from}
          onChange={(event) => list.setFilter("from", event.currentTarget.value || null)}
        />
        <TextInput
          type="date"
          label={t("search.to")}
          value={list.filters.to}
          onChange={(event) => list.setFilter("to", event.currentTarget.value || null)}
        />
      </Group>
      {activities.data?.facets &&
        (Object.keys(FACET_PARAM) as FacetName[]).map((facet) => {
          const buckets = activities.data.facets?.[facet] ?? [];
          if (!buckets.length) return null;
          return (
            <Paper key={facet} withBorder p="xs" data-testid={`facet-${facet}`}>
              <Title order={3} size="h6" mb={4}>
                {t(`facets.${facet}`)}
              </Title>
              <ScrollArea.Autosize mah={220}>
                <Stack gap={4}>
                  {buckets.map((bucket) => (
                    <Checkbox
                      key={bucket.value}
                      size="xs"
                      checked={isChecked(facet, bucket.value)}
                      onChange={() => toggle(facet, bucket.value)}
                      label={`${bucketLabel(facet, bucket)} (${bucket.count})`}
                      data-testid={`facet-${facet}-${bucket.value}`}
                    />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Paper>
          );
        })}
      {signedIn && (
        <Button variant="light" size="xs" onClick={saveSearchFeed} data-testid="search-feed">
          {t("search.feed")}
        </Button>
      )}
      {feedUrl && (
        <Code block data-testid="search-feed-url">
          {feedUrl}
        </Code>
      )}
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => {
            list.setQ("");
            for (const name of FILTERS) list.setFilter(name, null);
          }}
        >
          {t("search.clear")}
        </Button>
      )}
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={t("search.title")}
        description={t("search.description")}
        actions={
          <Group gap="xs">
            <ExportButtons
              href={exportUrl}
              labels={{ csv: t("search.exportCsv"), xlsx: t("search.exportXlsx") }}
              testId="activities-export"
            />
            {hasAnyRole("organiser", "administrator") && (
              <ImportLink kind="activities" testId="activities-import">
                {t("search.import")}
              </ImportLink>
            )}
            {hasAnyRole("organiser", "course_director", "administrator") && (
              <Button component={Link} to="/catalogue/activities/new" data-testid="activity-create">
                {t("form.create")}
              </Button>
            )}
          </Group>
        }
      />
      <Grid>
        {!small && <Grid.Col span={{ base: 12, md: 3 }}>{facets}</Grid.Col>}
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack>
            <Group align="flex-end">
              <SearchInput
                value={list.q}
                onChange={list.setQ}
                placeholder={t("search.placeholder")}
                style={{ flex: 1 }}
                data-testid="catalogue-search"
              />
              <Select
                label={t("search.sort")}
                placeholder={t("common:list.order")}
                w={180}
                value={list.sort.replace(/^-/, "")}
                onChange={(value) => list.setSort(value ?? "upcoming")}
                data={optionsUnder(t, "search.sorts", ["relevance", "upcoming", "startsOn", "title", "code"])}
              />
            </Group>
            {small && (
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconFilter size={16} aria-hidden />}
                  onClick={filtersDrawer.open}
                  data-testid="catalogue-filters"
                >
                  {t("search.filters")}
                  {activeFilters > 0 && (
                    <Badge ml={6} size="sm" circle data-testid="catalogue-filters-count">
                      {activeFilters}
                    </Badge>
                  )}
                </Button>
              </Group>
            )}
            <QueryBoundary query={activities}>
              {(page) => (
                <>
                  <Text c="dimmed" size="sm" data-testid="catalogue-total">
                    {t("search.results", { count: page.total })}
                  </Text>
                  <DataTable
                    data-testid="catalogue-results"
                    columns={columns}
                    rows={page.items}
                    rowKey={(a) => a.id}
                    rowTestId={(a) => `activity-row-${a.code}`}
                    onRowClick={(a) => navigate(`/catalogue/activities/${a.id}`)}
                    sort={list.sort}
                    onSortChange={list.setSort}
                    total={page.total}
                    limit={page.limit}
                    offset={page.offset}
                    onOffsetChange={list.setOffset}
                    fetching={activities.isPlaceholderData}
                    empty={<EmptyState description={t("search.empty")} />}
                  />
                </>
              )}
            </QueryBoundary>
          </Stack>
        </Grid.Col>
      </Grid>
      {small && (
        <Drawer opened={filtersOpen} onClose={filtersDrawer.close} title={t("search.filtersTitle")} size="md">
          {facets}
        </Drawer>
      )}
    </>
  );
}

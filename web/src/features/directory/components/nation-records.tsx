import { Anchor, Badge, Card, Group, SimpleGrid, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type Page } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import { localName, useFormat } from "../../../shared/i18n/format";
import { directoryKeys } from "../api";
import type { Organisation } from "../types";
import { PagedRecords, RECORDS_LIMIT } from "./paged-records";

/**
 * How many records of a kind the nation has, as the viewer's own list of them counts them (the list route
 * applies its access rules to its total). Hidden when the viewer may not read that list.
 */
function CountTile({ nationId, path, label, to, testId }: CountTileProps) {
  const format = useFormat();
  const count = useQuery({
    queryKey: [...directoryKeys.nation(nationId), "count", path],
    queryFn: ({ signal }) => api.get<Page<unknown>>(path, { nationId, limit: 1 }, signal),
    retry: false,
  });
  if (count.isError) return null;
  return (
    <Card withBorder padding="sm" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group justify="space-between" align="baseline">
        <Text fw={700} size="xl" data-testid={`${testId}-count`}>
          {count.data ? format.number(count.data.total) : "…"}
        </Text>
        <Anchor component={Link} to={to} size="sm" data-testid={`${testId}-link`}>
          {label}
        </Anchor>
      </Group>
    </Card>
  );
}

interface CountTileProps {
  nationId: string;
  path: string;
  label: string;
  to: string;
  testId: string;
}

function NationOrganisations({ nationId }: { nationId: string }) {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: [...directoryKeys.nation(nationId), "organisations", offset],
    queryFn: ({ signal }) =>
      api.get<Page<Organisation>>(
        "/api/organisations",
        { nationId, sort: "code", limit: RECORDS_LIMIT, offset },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <PagedRecords
      title={t("nationRecords.organisations")}
      testId="nation-organisations"
      query={list}
      empty={t("nationRecords.noOrganisations")}
      minWidth={480}
      offset={offset}
      onOffsetChange={setOffset}
    >
      {(items) => (
        <Table.Tbody>
          {items.map((organisation) => (
            <Table.Tr key={organisation.id} data-testid="nation-organisation-row">
              <Table.Td>
                <Anchor component={Link} to={`/organisations/${organisation.id}`} size="sm">
                  {organisation.code} — {localName(organisation, language)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`organisationKinds.${organisation.kind}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      )}
    </PagedRecords>
  );
}

/** The nation's organisations and, for a signed-in viewer, counts of its people and programme records. */
export function NationRecords({ nationId }: { nationId: string }) {
  const { t } = useTranslation("directory");
  const { user } = usePermissions();
  const tiles = [
    { key: "people", path: "/api/people", to: `/people?nationId=${nationId}` },
    { key: "programmes", path: "/api/annual-programmes", to: `/programmes/annual?nation=${nationId}` },
    { key: "goals", path: "/api/partnership-goals", to: `/programmes/goals?nation=${nationId}` },
    { key: "plans", path: "/api/plans", to: `/programmes/plans?nation=${nationId}` },
    {
      key: "contributions",
      path: "/api/fund-contributions",
      to: `/operations/contributions?nationId=${nationId}`,
    },
  ] as const;
  return (
    <>
      {user && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} data-testid="nation-counts">
          {tiles.map((tile) => (
            <CountTile
              key={tile.key}
              nationId={nationId}
              path={tile.path}
              to={tile.to}
              label={t(`nationRecords.${tile.key}`)}
              testId={`nation-${tile.key}`}
            />
          ))}
        </SimpleGrid>
      )}
      <NationOrganisations nationId={nationId} />
    </>
  );
}

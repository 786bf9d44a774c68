import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { EmptyState, PageHeader, QueryBoundary } from "../../../shared/ui";
import { hitPath, type SearchGroup, type SearchHit, useSearch } from "../api";

/** The title in the reader's language where the record has one. */
function titleOf(hit: SearchHit, language: string) {
  if (language === "az" && hit.titleAz) return hit.titleAz;
  if (language === "ru" && hit.titleRu) return hit.titleRu;
  return hit.titleEn;
}

/** The global search's results, grouped by kind; the query comes from the header's box (`?q=`). */
export function SearchPage() {
  const { t, i18n } = useTranslation("search");
  const { number } = useFormat();
  // Each kind is counted up to a cap (1,000); beyond it the API says `capped` and the count reads "1,000+".
  const countOf = (group: SearchGroup) => {
    const total = group.capped ? `${number(group.total)}+` : number(group.total);
    return group.items.length < group.total || group.capped
      ? t("more", { shown: group.items.length, total })
      : total;
  };
  const [params] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const search = useSearch({ q, limit: 10 });

  return (
    <Stack>
      <PageHeader title={q ? t("resultsFor", { q }) : t("title")} documentTitle={t("title")} />
      {!q ? (
        <EmptyState title={t("typeWords")} />
      ) : (
        <QueryBoundary query={search}>
          {(result) =>
            result.groups.length === 0 ? (
              <EmptyState title={t("none")} />
            ) : (
              <Stack data-testid="search-results">
                <Text c="dimmed" size="sm" data-testid="search-total">
                  {result.capped
                    ? t("totalCapped", { total: number(result.total) })
                    : t("total", { count: result.total })}
                </Text>
                {result.groups.map((group) => (
                  <Card key={group.kind} withBorder padding="sm" data-testid={`search-group-${group.kind}`}>
                    <Group justify="space-between" mb="xs">
                      <Title order={3} size="h5">
                        {t(`kinds.${group.kind}`)}
                      </Title>
                      <Badge variant="light" data-testid="search-group-total">
                        {countOf(group)}
                      </Badge>
                    </Group>
                    <Stack gap={4}>
                      {group.items.map((hit) => (
                        <Group key={hit.id} gap="xs" wrap="nowrap">
                          {hit.code && (
                            <Text size="xs" c="dimmed" ff="monospace">
                              {hit.code}
                            </Text>
                          )}
                          <Anchor component={Link} to={hitPath(hit)} data-testid={`search-hit-${hit.kind}`}>
                            {titleOf(hit, i18n.language)}
                          </Anchor>
                          {!hit.exact && (
                            <Badge size="xs" variant="outline" color="gray">
                              {t("close")}
                            </Badge>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryBoundary>
      )}
    </Stack>
  );
}

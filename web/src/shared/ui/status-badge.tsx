import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface StatusBadgeProps<S extends string> {
  status: S;
  /** The statuses' words, as namespace and key prefix: `"readiness:states"` reads `readiness:states.<status>`. */
  words: string;
  /** The badge's colour for each status. */
  colours: Record<S, string>;
  testId?: string;
}

/**
 * A record's status (an evaluation's state, an action item's status) as a light badge in the status's colour,
 * with its translated words: the badge that each feature wrote once per kind of status.
 */
export function StatusBadge<S extends string>({ status, words, colours, testId }: StatusBadgeProps<S>) {
  const { t } = useTranslation(words.split(":")[0]);
  return (
    <Badge color={colours[status]} variant="light" data-testid={testId}>
      {t(`${words}.${status}`)}
    </Badge>
  );
}

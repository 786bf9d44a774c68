import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LessonStatus } from "../types";

const COLORS: Record<LessonStatus, string> = {
  identified: "yellow",
  analysed: "blue",
  learned: "green",
  closed: "gray",
  rejected: "red",
};

export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const { t } = useTranslation("operations");
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="lesson-status">
      {t(`lessonStatuses.${status}`)}
    </Badge>
  );
}

import { StatusBadge } from "../../../shared/ui";
import type { LessonStatus } from "../types";

const COLORS: Record<LessonStatus, string> = {
  identified: "yellow",
  analysed: "blue",
  learned: "green",
  closed: "gray",
  rejected: "red",
};

export const LessonStatusBadge = ({ status }: { status: LessonStatus }) => (
  <StatusBadge status={status} words="operations:lessonStatuses" colours={COLORS} testId="lesson-status" />
);

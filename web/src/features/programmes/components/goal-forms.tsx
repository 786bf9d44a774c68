import { Button, Group } from "@mantine/core";
import { IconLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../shared/api";
import { RemoteSelect } from "../../../shared/ui";
import { searchActivities } from "../api";
import type { GoalDetail, GoalStatus } from "../types";
import { CreateFormButton } from "./entity-form";
import { useAuthoringOptions } from "./options";
import { usePickedAction } from "./use-picked-action";

const STATUSES: GoalStatus[] = ["proposed", "agreed", "in_progress", "achieved", "deferred", "cancelled"];

/** A partnership goal of a nation, agreed in a year of the two-year review cycle. */
export function NewGoalButton({ nationId }: { nationId: string | undefined }) {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions(nationId);
  return (
    <CreateFormButton
      label={t("authoring.newGoal")}
      buttonProps={{ variant: "filled" }}
      testId="goal-form"
      fields={[
        {
          name: "nationId",
          label: t("common.nation"),
          kind: "select",
          data: options.nations,
          required: true,
        },
        { name: "code", label: t("authoring.code"), required: true },
        { name: "title", label: t("authoring.title"), required: true, wide: true },
        { name: "areaCode", label: t("common.area"), kind: "select", data: options.areas, required: true },
        {
          name: "status",
          label: t("common.status"),
          kind: "select",
          data: STATUSES.map((value) => ({ value, label: t(`goalStatus.${value}`) })),
        },
        { name: "agreedYear", label: t("goals.agreed"), kind: "number" },
        { name: "targetOn", label: t("goals.target"), kind: "date" },
        { name: "planId", label: t("authoring.plan"), kind: "select", data: options.plans, wide: true },
        { name: "description", label: t("authoring.description"), kind: "textarea", wide: true },
      ]}
      initial={{ nationId: nationId ?? "" }}
      send={(body) => api.post<GoalDetail>("/api/partnership-goals", body)}
      opens={(goal) => `/programmes/goals/${goal.id}`}
    />
  );
}

/** Links an activity of the catalogue to the goal (the goal is implemented through it). */
export function LinkGoalActivity({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation("programmes");
  const link = usePickedAction<string>(
    (activityId) => api.post(`/api/partnership-goals/${goal.id}/activities`, { activityId }),
    t("authoring.linked"),
    (error) =>
      error instanceof ApiError
        ? error.fields.find((f) => f.field === "body.activityId")?.message
        : undefined,
  );
  return (
    <Group align="flex-end" gap="xs" mt="sm">
      <RemoteSelect
        label={t("authoring.linkActivity")}
        value={link.value}
        onChange={(value) => {
          link.setValue(value);
          link.setError(null);
        }}
        error={link.error}
        queryKey={["programmes", "goal-activity-options"]}
        fetchOptions={searchActivities}
        style={{ flex: 1 }}
        data-testid="goal-activity"
      />
      <Button
        size="sm"
        leftSection={<IconLink size={14} />}
        {...link.button}
        data-testid="goal-activity-link"
      >
        {t("authoring.link")}
      </Button>
    </Group>
  );
}

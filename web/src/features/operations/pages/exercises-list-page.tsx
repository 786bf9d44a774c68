import { Anchor, Button, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  DimmedText,
  EmptyState,
  ListPageHeader,
  ListTable,
  listFilter,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { useExercises } from "../api";
import { ExerciseFormModal } from "../components/exercise-form-modal";
import { SampleBadge } from "../components/sample-badge";
import { EXERCISE_KINDS, EXERCISE_STATUSES, type Exercise } from "../types";

/** The filters by a value of a fixed list: the exercise's field, its values and the prefix of their labels. */
const FILTERS = [
  { name: "kind", values: EXERCISE_KINDS, labels: "kinds" },
  { name: "status", values: EXERCISE_STATUSES, labels: "statuses" },
] as const;

export function ExercisesListPage() {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const navigate = useNavigate();
  const { isAdministrator, hasAnyRole } = usePermissions();
  const canCreate = isAdministrator || hasAnyRole("organiser", "national_coordinator");
  const [creating, creator] = useDisclosure(false);
  const params = useListParams({ defaultSort: "-startsOn", filters: ["kind", "status"] as const });
  const filters = {
    q: params.q || undefined,
    kind: params.filters.kind || undefined,
    status: params.filters.status || undefined,
    limit: params.limit,
    offset: params.offset,
  };
  const query = useExercises(filters);

  const columns: DataTableColumn<Exercise>[] = [
    {
      key: "name",
      header: t("exercises.name"),
      render: (exercise) => (
        <Stack gap={2}>
          <Group gap={6}>
            <Anchor
              component={Link}
              to={`/exercises/${exercise.id}`}
              data-testid={`exercise-link-${exercise.code}`}
            >
              {exercise.name}
            </Anchor>
            <SampleBadge show={exercise.sample} />
          </Group>
          <DimmedText size="xs">{exercise.code}</DimmedText>
        </Stack>
      ),
    },
    { key: "kind", header: t("exercises.kind"), render: (exercise) => t(`kinds.${exercise.kind}`) },
    {
      key: "dates",
      header: t("exercises.dates"),
      render: (exercise) => `${format.date(exercise.startsOn)} – ${format.date(exercise.endsOn)}`,
    },
    { key: "lead", header: t("exercises.lead"), render: (exercise) => exercise.leadOrganisation.code },
    {
      key: "hosts",
      header: t("exercises.hosts"),
      render: (exercise) => exercise.hostNations.map((nation) => nation.code).join(" → "),
    },
    {
      key: "participation",
      header: t("exercises.participation"),
      render: (exercise) => (
        <Text size="sm" data-testid={`participation-${exercise.code}`}>
          {t("counts", { ...exercise.participation })}
        </Text>
      ),
    },
    {
      key: "status",
      header: t("exercises.status"),
      render: (exercise) => (
        <Text
          size="sm"
          fw={exercise.status === "planning" ? 600 : undefined}
          c={exercise.status === "planning" ? "blue" : undefined}
        >
          {t(`statuses.${exercise.status}`)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <ListPageHeader
        title={t("exercises.title")}
        description={t("exercises.description")}
        download={{ kind: "exercises", filters }}
      >
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={creator.open} data-testid="exercise-create">
            {t("form.title")}
          </Button>
        )}
      </ListPageHeader>
      <ExerciseFormModal opened={creating} onClose={creator.close} />
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" mb="md" wrap="wrap">
          <SearchInput
            value={params.q}
            onChange={params.setQ}
            label={t("exercises.search")}
            data-testid="exercise-search"
            style={{ flex: 1, minWidth: 220 }}
          />
          {FILTERS.map(({ name, values, labels }) => (
            <Select
              key={name}
              label={t(`exercises.${name}`)}
              placeholder={t("common:list.any")}
              clearable
              {...listFilter(params, name)}
              data={values.map((value) => ({ value, label: t(`${labels}.${value}`) }))}
            />
          ))}
        </Group>
        <ListTable
          query={query}
          list={params}
          data-testid="exercises-table"
          columns={columns}
          rowKey={(exercise) => exercise.id}
          rowTestId={(exercise) => `exercise-row-${exercise.code}`}
          onRowClick={(exercise) => navigate(`/exercises/${exercise.id}`)}
          empty={<EmptyState title={t("exercises.empty")} />}
        />
      </Paper>
    </>
  );
}

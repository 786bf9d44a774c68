import { Badge, Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  EmptyState,
  PageHeader,
  RowLink,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { useCourses } from "../api";
import { CourseForm } from "../components/course-form";
import { localTitle } from "../local";
import type { Course } from "../types";

const coursePath = (record: { id: string }) => `/training/courses/${record.id}`;

export function CoursesPage() {
  const { t } = useTranslation("training");
  const { language } = useFormat();
  const { hasAnyRole } = usePermissions();
  const [defining, setDefining] = useState(false);
  const list = useListParams({ defaultSort: "code" });
  const courses = useCourses({ q: list.q || undefined, limit: list.query.limit, offset: list.query.offset });
  const columns: DataTableColumn<Course>[] = [
    { key: "code", header: t("courses.code"), width: 140, render: (course) => course.activityCode },
    {
      key: "title",
      header: t("courses.name"),
      render: (course) => (
        <Group gap="xs">
          <RowLink to={coursePath(course)}>{localTitle(course.title, language)}</RowLink>
          {course.sample && (
            <Badge size="xs" variant="outline" color="gray">
              {t("sample")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "qualification",
      header: t("courses.qualification"),
      render: (course) => (course.qualification ? localTitle(course.qualification.name, language) : "—"),
    },
    { key: "hours", header: t("courses.hours"), align: "right", render: (course) => course.totalHours },
  ];
  return (
    <>
      <PageHeader
        title={t("courses.title")}
        description={t("courses.description")}
        actions={
          hasAnyRole("organiser", "course_director", "administrator") && (
            <Button onClick={() => setDefining(true)} data-testid="course-define">
              {t("authoring.newCourse")}
            </Button>
          )
        }
      />
      {defining && <CourseForm onClose={() => setDefining(false)} />}
      <Stack>
        <SearchInput value={list.q} onChange={list.setQ} w={300} data-testid="course-search" />
        <RecordListTable
          query={courses}
          list={list}
          data-testid="courses-table"
          columns={columns}
          rowTestId={(course) => `course-row-${course.activityCode}`}
          recordPath={coursePath}
          empty={<EmptyState description={t("courses.empty")} />}
        />
      </Stack>
    </>
  );
}

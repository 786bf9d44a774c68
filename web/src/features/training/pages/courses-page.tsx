import { Anchor, Badge, Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  EmptyState,
  ListTable,
  PageHeader,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { useCourses } from "../api";
import { CourseForm } from "../components/course-form";
import { localTitle } from "../local";
import type { Course } from "../types";

export function CoursesPage() {
  const { t } = useTranslation("training");
  const { language } = useFormat();
  const navigate = useNavigate();
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
          <Anchor component={Link} to={`/training/courses/${course.id}`} onClick={(e) => e.stopPropagation()}>
            {localTitle(course.title, language)}
          </Anchor>
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
        <ListTable
          query={courses}
          list={list}
          data-testid="courses-table"
          columns={columns}
          rowKey={(course) => course.id}
          rowTestId={(course) => `course-row-${course.activityCode}`}
          onRowClick={(course) => navigate(`/training/courses/${course.id}`)}
          empty={<EmptyState description={t("courses.empty")} />}
        />
      </Stack>
    </>
  );
}

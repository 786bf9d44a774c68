import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { DetailList, labelsUnder, PageHeader, PlainTable, QueryBoundary } from "../../../shared/ui";
import { useCourse } from "../api";
import { CourseForm } from "../components/course-form";
import { QualificationForm } from "../components/qualification-form";
import { localTitle, personName } from "../local";

export function CoursePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("training");
  const format = useFormat();
  const course = useCourse(id);
  const [editing, setEditing] = useState<"course" | "qualification" | null>(null);
  return (
    <QueryBoundary query={course}>
      {(c) => (
        <>
          <PageHeader
            title={localTitle(c.title, format.language)}
            description={c.activityCode}
            breadcrumbs={[{ label: t("courses.title"), to: "/training" }, { label: c.activityCode }]}
            badges={
              c.sample && (
                <Badge variant="outline" color="gray">
                  {t("sample")}
                </Badge>
              )
            }
            actions={
              c.canManage && (
                <Group gap="xs">
                  <Button variant="default" onClick={() => setEditing("course")} data-testid="course-edit">
                    {t("authoring.editCourse")}
                  </Button>
                  {c.qualification && (
                    <Button
                      variant="default"
                      onClick={() => setEditing("qualification")}
                      data-testid="qualification-edit"
                    >
                      {t("authoring.editQualification")}
                    </Button>
                  )}
                </Group>
              )
            }
          />
          {editing === "course" && <CourseForm course={c} onClose={() => setEditing(null)} />}
          {editing === "qualification" && c.qualification && (
            <QualificationForm existing={c.qualification} onClose={() => setEditing(null)} />
          )}
          <Stack>
            <DetailList
              items={[
                {
                  label: t("courses.qualification"),
                  value: c.qualification
                    ? `${localTitle(c.qualification.name, format.language)} (${c.qualification.code})`
                    : "—",
                },
                {
                  label: t("courses.validity"),
                  value: t("courses.years", {
                    count: c.certificateValidityYears ?? c.qualification?.validityYears ?? 0,
                  }),
                },
                { label: t("courses.hours"), value: c.totalHours },
                { label: t("courses.director"), value: c.director ? personName(c.director) : "—" },
                { label: t("courses.instructors"), value: c.instructors.map(personName).join(", ") || "—" },
                {
                  label: t("courses.languageLevel"),
                  value: c.entryRequirements.languageLevel ?? "—",
                },
              ]}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder>
                <Title order={3} size="h5" mb="xs">
                  {t("courses.objectives")}
                </Title>
                <List size="sm">
                  {c.objectives.map((objective) => (
                    <List.Item key={objective}>{objective}</List.Item>
                  ))}
                </List>
                <Title order={3} size="h5" mt="md" mb="xs">
                  {t("courses.modules")}
                </Title>
                <PlainTable>
                  {c.modules.map((module) => (
                    <Table.Tr key={module.title}>
                      <Table.Td>{module.title}</Table.Td>
                      <Table.Td ta="right">{module.hours}</Table.Td>
                    </Table.Tr>
                  ))}
                </PlainTable>
              </Card>
              <Card withBorder data-testid="assessment-scheme">
                <Title order={3} size="h5" mb="xs">
                  {t("courses.scheme")}
                </Title>
                <Text size="sm">{t("courses.passMark", { value: c.assessment.passMark })}</Text>
                {c.assessment.minAttendancePercent !== undefined && (
                  <Text size="sm">
                    {t("courses.minAttendance", { value: c.assessment.minAttendancePercent })}
                  </Text>
                )}
                <PlainTable
                  mt="xs"
                  minWidth={480}
                  columns={labelsUnder(t, "courses", ["component", "kind", "maxScore", "weight", "minScore"])}
                  alignRight={[2, 3, 4]}
                >
                  {c.assessment.components.map((component) => (
                    <Table.Tr key={component.code}>
                      <Table.Td>{component.title}</Table.Td>
                      <Table.Td>{t(`kinds.${component.kind}`)}</Table.Td>
                      <Table.Td ta="right">{component.maxScore}</Table.Td>
                      <Table.Td ta="right">{component.weight}</Table.Td>
                      <Table.Td ta="right">{component.minScore ?? "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </PlainTable>
              </Card>
            </SimpleGrid>
            <Title order={2} size="h4">
              {t("courses.runs")}
            </Title>
            <PlainTable
              data-testid="course-runs"
              minWidth={520}
              columns={labelsUnder(t, "courses", ["dates", "participants", "signedOff", "certificates"])}
            >
              {c.runs.map((run) => (
                <Table.Tr key={run.eventId} data-testid={`run-row-${run.startsOn}`}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/training/runs/${run.eventId}`}
                      data-testid={`run-open-${run.startsOn}`}
                    >
                      {format.date(run.startsOn)} – {format.date(run.endsOn)}
                      {run.city ? `, ${run.city}` : ""}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{run.participants}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={run.signedOffAt ? "green" : "blue"} variant="light">
                        {run.signedOffAt ? t("courses.signedOff") : t("courses.notSignedOff")}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>{run.certificates}</Table.Td>
                </Table.Tr>
              ))}
            </PlainTable>
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}

import { Anchor, Badge, Button, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { localName, useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  DetailList,
  DimmedText,
  PageHeader,
  RecordPage,
  SectionCard,
} from "../../../shared/ui";
import { useDeleteOrganisation, useOrganisation } from "../api";
import { DeleteRecordButton, EditLink } from "../components/form-actions";
import { useDirectoryPermissions } from "../permissions";
import type { OrganisationDetail } from "../types";

/** Only http(s) links are rendered as links: the value is user input. */
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

function Hierarchy({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  return (
    <SectionCard title={t("organisations.hierarchy")}>
      <Stack gap="sm">
        <Stack gap={2} data-testid="organisation-ancestors">
          {organisation.ancestors.map((ancestor, depth) => (
            <Text key={ancestor.id} size="sm" pl={depth * 16}>
              <Anchor component={Link} to={`/organisations/${ancestor.id}`}>
                {ancestor.code} — {ancestor.nameEn}
              </Anchor>
            </Text>
          ))}
          <Text size="sm" fw={700} pl={organisation.ancestors.length * 16}>
            {organisation.code} — {localName(organisation, language)}
          </Text>
        </Stack>
        <Text size="sm" fw={600} mt="xs">
          {t("organisations.children")}
        </Text>
        {organisation.children.length === 0 ? (
          <DimmedText>{t("organisations.noChildren")}</DimmedText>
        ) : (
          <List size="sm" spacing={4} data-testid="organisation-children">
            {organisation.children.map((child) => (
              <List.Item key={child.id}>
                <Anchor component={Link} to={`/organisations/${child.id}`}>
                  {child.code} — {child.nameEn}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  ({t(`organisationKinds.${child.kind}`)})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </SectionCard>
  );
}

export function OrganisationDetailPage() {
  const { t } = useTranslation("directory");
  const format = useFormat();
  const can = useDirectoryPermissions();
  const { signedIn } = usePermissions();
  const remove = useDeleteOrganisation();

  return (
    <RecordPage useRecord={useOrganisation}>
      {(data) => {
        const website = safeUrl(data.website);
        return (
          <>
            <PageHeader
              title={localName(data, format.language)}
              breadcrumbs={[{ label: t("organisations.title"), to: "/organisations" }, { label: data.code }]}
              badges={
                <>
                  <Badge variant="outline">{data.code}</Badge>
                  <Badge variant="light">{t(`organisationKinds.${data.kind}`)}</Badge>
                  <ArchivedBadge archivedAt={data.archivedAt} />
                </>
              }
              actions={
                <>
                  {signedIn && (
                    <Button
                      component={Link}
                      to={`/people?organisationId=${data.id}`}
                      variant="default"
                      leftSection={<IconUsers size={16} />}
                    >
                      {t("organisations.people")}
                    </Button>
                  )}
                  {can.editOrganisation(data) && <EditLink section="organisations" id={data.id} />}
                  {can.deleteOrganisations && (
                    <DeleteRecordButton section="organisations" remove={() => remove.mutateAsync(data.id)} />
                  )}
                </>
              }
            />
            <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
              <SectionCard title={t("details")} style={{ gridColumn: "span 2" }}>
                <DetailList
                  cols={2}
                  items={[
                    { label: t("organisations.nameEn"), value: data.nameEn, testId: "organisation-name-en" },
                    { label: t("organisations.nameAz"), value: data.nameAz, testId: "organisation-name-az" },
                    { label: t("organisations.nameRu"), value: data.nameRu, testId: "organisation-name-ru" },
                    { label: t("organisations.kind"), value: t(`organisationKinds.${data.kind}`) },
                    {
                      label: t("organisations.nation"),
                      value: data.nation ? (
                        <Anchor component={Link} to={`/nations/${data.nation.id}`}>
                          {data.nation.code} — {data.nation.nameEn}
                        </Anchor>
                      ) : (
                        t("international")
                      ),
                    },
                    { label: t("organisations.city"), value: data.city },
                    {
                      label: t("organisations.foundingAct"),
                      value: data.foundingAct,
                      testId: "organisation-founding-act",
                    },
                    { label: t("organisations.foundedOn"), value: format.date(data.foundedOn) },
                    {
                      label: t("organisations.charterYear"),
                      value: data.charterYear === null ? null : String(data.charterYear),
                      testId: "organisation-charter-year",
                    },
                    {
                      label: t("organisations.website"),
                      value: website ? (
                        <Anchor href={website} target="_blank" rel="noopener noreferrer">
                          {website}
                        </Anchor>
                      ) : (
                        data.website
                      ),
                    },
                  ]}
                />
              </SectionCard>
              <Hierarchy organisation={data} />
            </SimpleGrid>
          </>
        );
      }}
    </RecordPage>
  );
}

import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { api } from "../../../shared/api";
import { numberOrNull } from "../../../shared/form-values";
import { useFormat } from "../../../shared/i18n/format";
import {
  formValuesOf,
  notifyFormError,
  notifySuccess,
  optionsUnder,
  PageHeader,
  pickerProps,
  ReleasabilitySelect,
} from "../../../shared/ui";
import { FormTextarea } from "../../../shared/ui/form-textarea";
import { useActivity, useAreas } from "../api";
import { NationPicker, OrganisationPicker } from "../components/pickers";
import { ACTIVITY_KINDS, type ActivityDetail } from "../types";

interface Values {
  code: string;
  titleEn: string;
  titleAz: string;
  titleRu: string;
  descriptionEn: string;
  descriptionAz: string;
  descriptionRu: string;
  kind: string;
  menuYear: number | string;
  areas: string[];
  organiserId: string | null;
  hostInstitutionId: string | null;
  hostNationId: string | null;
  city: string;
  venue: string;
  online: boolean;
  languages: string[];
  eligibility: string;
  capacity: number | string;
  nationQuota: number | string;
  languageLevel: string;
  clearanceNote: string;
  requiredActivityCodes: string[];
  releasability: string;
}

const blank = (value: string) => (value.trim() ? value : null);

/** Create an activity of the menu, or edit one. */
export function ActivityFormPage() {
  const { id } = useParams();
  const { t } = useTranslation("catalogue");
  const { language } = useFormat();
  const navigate = useNavigate();
  const areas = useAreas();
  const existing = useActivity(id ?? "");
  const form = useForm<Values>({
    initialValues: {
      code: "",
      titleEn: "",
      titleAz: "",
      titleRu: "",
      descriptionEn: "",
      descriptionAz: "",
      descriptionRu: "",
      kind: "course",
      menuYear: new Date().getFullYear() + 1,
      areas: [],
      organiserId: null,
      hostInstitutionId: null,
      hostNationId: null,
      city: "",
      venue: "",
      online: false,
      languages: ["en"],
      eligibility: "everyone",
      capacity: "",
      nationQuota: "",
      languageLevel: "",
      clearanceNote: "",
      requiredActivityCodes: [],
      releasability: "public",
    },
    validate: {
      code: (value) => (/^[A-Z0-9][A-Z0-9_.-]{1,59}$/.test(value) ? null : t("form.codeInvalid")),
      titleEn: (value) => (value.trim() ? null : t("common:errors.required")),
      organiserId: (value) => (value ? null : t("common:errors.required")),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once the activity has loaded
  useEffect(() => {
    const a: ActivityDetail | undefined = id ? existing.data : undefined;
    if (!a) return;
    form.setValues({
      ...formValuesOf(a, [
        "code",
        "titleEn",
        "titleAz",
        "titleRu",
        "descriptionEn",
        "descriptionAz",
        "descriptionRu",
        "kind",
        "menuYear",
        "areas",
        "city",
        "venue",
        "online",
        "languages",
        "eligibility",
        "capacity",
        "nationQuota",
        "releasability",
      ]),
      organiserId: a.organiser.id,
      hostInstitutionId: a.hostInstitution?.id ?? null,
      hostNationId: a.hostNation?.id ?? null,
      ...formValuesOf(a.prerequisites, ["languageLevel", "clearanceNote"]),
      requiredActivityCodes: a.prerequisites.requiredActivityCodes ?? [],
    });
  }, [existing.data, id]);

  const submit = form.onSubmit(async (values) => {
    const prerequisites = {
      ...(values.languageLevel.trim() ? { languageLevel: values.languageLevel.trim() } : {}),
      ...(values.clearanceNote.trim() ? { clearanceNote: values.clearanceNote.trim() } : {}),
      ...(values.requiredActivityCodes.length ? { requiredActivityCodes: values.requiredActivityCodes } : {}),
    };
    const body = {
      titleEn: values.titleEn.trim(),
      titleAz: blank(values.titleAz),
      titleRu: blank(values.titleRu),
      descriptionEn: blank(values.descriptionEn),
      descriptionAz: blank(values.descriptionAz),
      descriptionRu: blank(values.descriptionRu),
      kind: values.kind,
      menuYear: Number(values.menuYear),
      areas: values.areas,
      hostInstitutionId: values.hostInstitutionId,
      hostNationId: values.hostNationId,
      city: blank(values.city),
      venue: blank(values.venue),
      online: values.online,
      languages: values.languages.map((l) => l.toLowerCase()),
      eligibility: values.eligibility,
      capacity: numberOrNull(values.capacity),
      nationQuota: numberOrNull(values.nationQuota),
      prerequisites,
      releasability: values.releasability,
    };
    try {
      const saved = id
        ? await api.patch<ActivityDetail>(`/api/activities/${id}`, body)
        : await api.post<ActivityDetail>("/api/activities", {
            ...body,
            code: values.code,
            organiserId: values.organiserId,
          });
      notifySuccess(saved.status === "proposed" && !id ? t("proposals.sent") : t("common:notify.saved"));
      navigate(`/catalogue/activities/${saved.id}`);
    } catch (error) {
      notifyFormError(form, error, t);
    }
  });

  const areaName = (area: { nameEn: string; nameAz: string; nameRu: string }) =>
    language === "az" ? area.nameAz : language === "ru" ? area.nameRu : area.nameEn;

  return (
    <>
      <PageHeader
        title={id ? t("form.edit") : t("form.create")}
        breadcrumbs={[
          { label: t("search.title"), to: "/catalogue" },
          { label: id ? form.values.code : t("form.create") },
        ]}
      />
      <form onSubmit={submit} data-testid="activity-form">
        <Stack>
          {!id && (
            <Alert color="blue" data-testid="proposal-form-notice">
              {t("proposals.formNotice")}
            </Alert>
          )}
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput
                label={t("fields.code")}
                disabled={!!id}
                {...form.getInputProps("code")}
                data-testid="activity-code"
              />
              <Select
                label={t("facets.kind")}
                data={optionsUnder(t, "common:activityKinds", ACTIVITY_KINDS)}
                {...form.getInputProps("kind")}
              />
              <NumberInput
                label={t("facets.year")}
                min={1950}
                max={2200}
                {...form.getInputProps("menuYear")}
              />
              <TextInput
                label={t("form.titleEn")}
                {...form.getInputProps("titleEn")}
                data-testid="activity-title-en"
              />
              <TextInput label={t("form.titleAz")} {...form.getInputProps("titleAz")} />
              <TextInput label={t("form.titleRu")} {...form.getInputProps("titleRu")} />
              <FormTextarea label={t("form.descriptionEn")} minRows={3} form={form} name="descriptionEn" />
              <FormTextarea label={t("form.descriptionAz")} minRows={3} form={form} name="descriptionAz" />
              <FormTextarea label={t("form.descriptionRu")} minRows={3} form={form} name="descriptionRu" />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <OrganisationPicker
                label={t("fields.organiser")}
                disabled={!!id}
                {...pickerProps(form, "organiserId")}
                data-testid="activity-organiser"
              />
              <OrganisationPicker
                label={t("fields.hostInstitution")}
                clearable
                {...pickerProps(form, "hostInstitutionId")}
              />
              <NationPicker label={t("facets.hostNation")} clearable {...pickerProps(form, "hostNationId")} />
              <TextInput label={t("form.city")} {...form.getInputProps("city")} />
              <TextInput label={t("form.venue")} {...form.getInputProps("venue")} />
              <Switch
                mt="xl"
                label={t("fields.online")}
                {...form.getInputProps("online", { type: "checkbox" })}
              />
              <MultiSelect
                label={t("fields.areas")}
                data={(areas.data ?? []).map((area) => ({ value: area.code, label: areaName(area) }))}
                {...form.getInputProps("areas")}
              />
              <TagsInput label={t("fields.languages")} {...form.getInputProps("languages")} />
              <Select
                label={t("fields.eligibility")}
                data={optionsUnder(t, "eligibility", [
                  "everyone",
                  "alliance_members",
                  "partners",
                  "named_nations",
                ])}
                {...form.getInputProps("eligibility")}
              />
              <NumberInput label={t("fields.capacity")} min={1} {...form.getInputProps("capacity")} />
              <NumberInput label={t("fields.quota")} min={1} {...form.getInputProps("nationQuota")} />
              <ReleasabilitySelect
                label={t("common:releasability.label")}
                allowDeselect
                {...form.getInputProps("releasability")}
              />
              <TextInput label={t("form.languageLevel")} {...form.getInputProps("languageLevel")} />
              <TextInput label={t("form.clearanceNote")} {...form.getInputProps("clearanceNote")} />
              <TagsInput
                label={t("form.requiredActivityCodes")}
                {...form.getInputProps("requiredActivityCodes")}
              />
            </SimpleGrid>
          </Paper>
          <Group>
            <Button type="submit" data-testid="activity-submit">
              {t("form.save")}
            </Button>
            <Button variant="default" onClick={() => navigate(-1)}>
              {t("form.back")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

import { Button, FileInput, Group } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../shared/api";
import type { FrameworkDocument } from "../types";
import { CreateFormButton, type FieldSpec, FormModalButton } from "./entity-form";
import { useAuthoringOptions } from "./options";
import { usePickedAction } from "./use-picked-action";

/** The fields of a framework document; `replacesId` is the succession link (one document succeeding another). */
function useFrameworkFields(nationId: string | null | undefined, selfId?: string): FieldSpec[] {
  const { t } = useTranslation("programmes");
  const options = useAuthoringOptions(nationId);
  return [
    { name: "title", label: t("authoring.title"), required: true, wide: true },
    { name: "kind", label: t("authoring.kind"), kind: "select", data: options.kinds, required: true },
    ...(selfId
      ? []
      : [{ name: "nationId", label: t("common.nation"), kind: "select" as const, data: options.nations }]),
    { name: "signedOn", label: t("framework.signed"), kind: "date" },
    {
      name: "signedPrecision",
      label: t("authoring.precisionLabel"),
      kind: "select",
      data: options.precisions,
    },
    { name: "validFrom", label: t("authoring.validFrom"), kind: "date" },
    { name: "validUntil", label: t("authoring.validUntil"), kind: "date" },
    {
      name: "replacesId",
      label: t("framework.replaces"),
      kind: "select",
      data: options.frameworks.filter((option) => option.value !== selfId),
      wide: true,
    },
    { name: "parties", label: t("authoring.partiesLines"), kind: "lines" },
    { name: "signatories", label: t("authoring.signatoriesLines"), kind: "lines" },
    { name: "source", label: t("common.source"), wide: true },
    { name: "note", label: t("authoring.note"), kind: "textarea", wide: true },
  ];
}

export function NewFrameworkButton({ nationId }: { nationId: string | undefined }) {
  const { t } = useTranslation("programmes");
  const fields = useFrameworkFields(nationId);
  return (
    <CreateFormButton
      label={t("authoring.newFramework")}
      testId="framework-form"
      fields={fields}
      initial={{ nationId: nationId ?? "" }}
      send={(body) => api.post<FrameworkDocument>("/api/frameworks", body)}
      opens={(document) => `/programmes/frameworks/${document.id}`}
    />
  );
}

/** Edit a framework document and attach its files. */
export function FrameworkActions({ document }: { document: FrameworkDocument }) {
  const { t } = useTranslation("programmes");
  const fields = useFrameworkFields(document.ownerNationId, document.id);
  // A refused file (type, size) is said beside the file input.
  const upload = usePickedAction<File>(
    (file) => api.upload(`/api/frameworks/${document.id}/files`, file),
    t("authoring.uploaded"),
    (error) => (error instanceof ApiError && error.status < 500 ? error.message : undefined),
  );
  return (
    <Group gap="xs" align="flex-end">
      <FormModalButton
        label={t("authoring.edit")}
        testId="framework-edit"
        mode="edit"
        fields={fields}
        initial={document}
        send={(body) => api.patch(`/api/frameworks/${document.id}`, body)}
      />
      <FileInput
        size="xs"
        w={220}
        placeholder={t("authoring.chooseFile")}
        aria-label={t("authoring.chooseFile")}
        value={upload.value}
        onChange={upload.setValue}
        error={upload.error}
        clearable
        data-testid="framework-file"
      />
      <Button
        size="xs"
        leftSection={<IconUpload size={14} />}
        {...upload.button}
        data-testid="framework-upload"
      >
        {t("authoring.upload")}
      </Button>
    </Group>
  );
}

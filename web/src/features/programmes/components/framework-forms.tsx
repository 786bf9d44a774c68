import { Button, FileInput, Group } from "@mantine/core";
import { IconPlus, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../shared/api";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { useInvalidate } from "../api";
import type { FrameworkDocument } from "../types";
import { type FieldSpec, FormModalButton, type FormValues } from "./entity-form";
import { useAuthoringOptions } from "./options";

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
    <FormModalButton
      label={t("authoring.newFramework")}
      leftSection={<IconPlus size={14} />}
      testId="framework-form"
      mode="create"
      fields={fields}
      initial={{ nationId: nationId ?? "" }}
      send={(body) => api.post<FrameworkDocument>("/api/frameworks", body)}
      opens={(document) => `/programmes/frameworks/${document.id}`}
    />
  );
}

const valuesOf = (document: FrameworkDocument): FormValues => ({
  title: document.title,
  kind: document.kind,
  signedOn: document.signedOn ?? "",
  signedPrecision: document.signedPrecision,
  validFrom: document.validFrom ?? "",
  validUntil: document.validUntil ?? "",
  replacesId: document.replacesId ?? "",
  parties: document.parties.join("\n"),
  signatories: document.signatories.join("\n"),
  source: document.source ?? "",
  note: document.note ?? "",
});

/** Edit a framework document and attach its files. */
export function FrameworkActions({ document }: { document: FrameworkDocument }) {
  const { t } = useTranslation("programmes");
  const fields = useFrameworkFields(document.ownerNationId, document.id);
  const invalidate = useInvalidate();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    try {
      await api.upload(`/api/frameworks/${document.id}/files`, file);
      notifySuccess(t("authoring.uploaded"));
      setFile(null);
      setFileError(null);
      await invalidate();
    } catch (error) {
      // A refused file (type, size) is said beside the file input; anything else in a notification.
      if (error instanceof ApiError && error.status < 500) setFileError(error.message);
      else notifyError(error, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" align="flex-end">
      <FormModalButton
        label={t("authoring.edit")}
        testId="framework-edit"
        mode="edit"
        fields={fields}
        initial={valuesOf(document)}
        send={(body) => api.patch(`/api/frameworks/${document.id}`, body)}
      />
      <FileInput
        size="xs"
        w={220}
        placeholder={t("authoring.chooseFile")}
        aria-label={t("authoring.chooseFile")}
        value={file}
        onChange={setFile}
        error={fileError}
        clearable
        data-testid="framework-file"
      />
      <Button
        size="xs"
        leftSection={<IconUpload size={14} />}
        disabled={!file}
        loading={busy}
        onClick={() => void upload()}
        data-testid="framework-upload"
      >
        {t("authoring.upload")}
      </Button>
    </Group>
  );
}

import { useTranslation } from "react-i18next";
import { notifyError, UploadButton, type UploadButtonProps } from "../../shared/ui";
import { useUpload } from "./api";

export interface AttachButtonProps extends Omit<UploadButtonProps, "onFile" | "loading"> {
  /** Where the file is posted: an agenda item's documents, a message's attachments. */
  url: string;
}

/** Attaches a picked file to a record (the upload refreshes meetings and messages); a failure is notified. */
export function AttachButton({ url, ...button }: AttachButtonProps) {
  const { t } = useTranslation();
  const upload = useUpload();
  return (
    <UploadButton
      onFile={(file) => upload.mutate({ url, file }, { onError: (error) => notifyError(error, t) })}
      loading={upload.isPending}
      {...button}
    />
  );
}

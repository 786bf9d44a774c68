import { useTranslation } from "react-i18next";
import { notifyError, UploadButton, type UploadButtonProps } from "../../shared/ui";
import { useUpload } from "./api";

export interface AttachButtonProps extends Omit<UploadButtonProps, "onFile" | "loading"> {
  /** Where the file picked is uploaded: an agenda item's documents, a message's attachments. */
  url: string;
}

/** Attaches the file picked to a meeting's agenda item or to a message; a refused upload is notified. */
export function AttachButton({ url, ...button }: AttachButtonProps) {
  const { t } = useTranslation();
  const upload = useUpload();
  return (
    <UploadButton
      {...button}
      loading={upload.isPending}
      onFile={(file) => upload.mutate({ url, file }, { onError: (error) => notifyError(error, t) })}
    />
  );
}

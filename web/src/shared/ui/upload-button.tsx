import { Button, type ButtonProps, FileButton } from "@mantine/core";
import type { ReactNode } from "react";

export interface UploadButtonProps extends Omit<ButtonProps, "children" | "onClick"> {
  /** Called with the file the user picked (not when the picker is closed without one). */
  onFile: (file: File) => void;
  testId?: string;
  children: ReactNode;
}

/** A button that opens the file picker and hands over the one file picked: attach a document, upload evidence. */
export function UploadButton({ onFile, testId, children, ...button }: UploadButtonProps) {
  return (
    <FileButton onChange={(file) => file && onFile(file)}>
      {(props) => (
        <Button {...props} {...button} data-testid={testId}>
          {children}
        </Button>
      )}
    </FileButton>
  );
}

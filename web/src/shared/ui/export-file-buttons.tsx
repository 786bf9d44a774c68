import { Button } from "@mantine/core";
import type { ReactNode } from "react";

export type ExportFileFormat = "csv" | "xlsx";

export interface ExportFileButtonsProps {
  /** The address of the file in a format. */
  href: (format: ExportFileFormat) => string;
  /** Each button's words. */
  labels: Record<ExportFileFormat, ReactNode>;
  /** `data-testid` of the buttons: this prefix, a dash and the format. */
  testIdPrefix: string;
}

/** A "CSV" and an "XLSX" button side by side, each downloading the same list in its format. */
export function ExportFileButtons({ href, labels, testIdPrefix }: ExportFileButtonsProps) {
  const formats: ExportFileFormat[] = ["csv", "xlsx"];
  return formats.map((format) => (
    <Button
      key={format}
      component="a"
      href={href(format)}
      download
      variant="default"
      data-testid={`${testIdPrefix}-${format}`}
    >
      {labels[format]}
    </Button>
  ));
}

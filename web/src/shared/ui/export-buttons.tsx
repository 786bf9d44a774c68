import { Button, type MantineSize } from "@mantine/core";

/** The formats a list's or a report's file comes in, one button each. */
const FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof FORMATS)[number];

export interface ExportButtonsProps {
  /** The file's address in a format. */
  href: (format: ExportFormat) => string;
  /** The buttons' words, in the page's own namespace. */
  labels: Record<ExportFormat, string>;
  /** Prefix of the buttons' test ids: `<testId>-csv`, `<testId>-xlsx`. */
  testId: string;
  size?: MantineSize;
}

/**
 * A CSV and an XLSX download button side by side (inside the caller's group), each a link to the file the server
 * builds. Pages that offer their list or report as files wrote this pair of buttons each time.
 */
export function ExportButtons({ href, labels, testId, size }: ExportButtonsProps) {
  return FORMATS.map((format) => (
    <Button
      key={format}
      component="a"
      size={size}
      variant="default"
      href={href(format)}
      download
      data-testid={`${testId}-${format}`}
    >
      {labels[format]}
    </Button>
  ));
}

import { Button, Menu } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { toQueryString } from "../api/client";
import type { paths } from "../api/schema.gen";
import { useFormat } from "../i18n/format";

/** The lists the server exports: `GET /api/exports/<kind>`. */
export type ExportKind =
  Extract<keyof paths, `/api/exports/${string}`> extends `/api/exports/${infer K}` ? K : never;

export interface DownloadMenuProps {
  kind: ExportKind;
  /**
   * The list's current query. Its paging is dropped: the file holds every row the list shows for these filters,
   * with headers in the UI language.
   */
  filters?: object;
}

/** "Download" of a list as CSV or XLSX, exactly as it is filtered; the server applies the list's own access. */
export function DownloadMenu({ kind, filters = {} }: DownloadMenuProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const { limit: _limit, offset: _offset, ...rest } = filters as Record<string, unknown>;
  const url = (format: "csv" | "xlsx") =>
    `/api/exports/${kind}${toQueryString({ ...rest, format, lang: language })}`;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          title={t("download.hint")}
          data-testid={`download-${kind}`}
        >
          {t("download.label")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(["csv", "xlsx"] as const).map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={url(format)}
            download
            data-testid={`download-${kind}-${format}`}
          >
            {t(`download.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

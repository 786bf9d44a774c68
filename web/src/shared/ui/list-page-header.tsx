import type { ReactNode } from "react";
import { DownloadMenu, type DownloadMenuProps } from "./download-menu";
import { PageHeader } from "./page-header";

export interface ListPageHeaderProps {
  title: string;
  description: string;
  /** The list's download, of the rows as they are filtered (`DownloadMenu`). */
  download?: DownloadMenuProps;
  /** The page's own actions after the download (create, define…). */
  children?: ReactNode;
}

/** The top of a list page: its title and description, then the download of the list and the page's own actions. */
export function ListPageHeader({ title, description, download, children }: ListPageHeaderProps) {
  return (
    <PageHeader
      title={title}
      description={description}
      actions={
        (download || children) && (
          <>
            {download && <DownloadMenu {...download} />}
            {children}
          </>
        )
      }
    />
  );
}

// The shared UI kit. Every component translates its own fixed words through the `common` namespace.
export { ArchivedBadge } from "./archived-badge";
export { ConfirmButton, type ConfirmButtonProps } from "./confirm-button";
export { DataTable, type DataTableColumn, type DataTableProps } from "./data-table";
export { type DetailItem, DetailList } from "./detail-list";
export { DownloadMenu, type DownloadMenuProps, type ExportKind } from "./download-menu";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { ErrorAlert, type ErrorAlertProps, errorMessage } from "./error-alert";
export { ListFooter, type ListFooterProps, PageFooter, type ServerPage } from "./list-footer";
export { type ListPage, ListTable, type ListTableProps } from "./list-table";
export { notifyDeleteOutcome, notifyError, notifyFormError, notifySuccess } from "./notify";
export { type Crumb, PageHeader, type PageHeaderProps } from "./page-header";
export { PrintReportButton, type PrintReportButtonProps } from "./print-report-button";
export { QueryBoundary, type QueryBoundaryProps } from "./query-boundary";
export { RELEASABILITY_LEVELS, ReleasabilityBadge } from "./releasability-badge";
export { type RemoteOption, RemoteSelect, type RemoteSelectProps } from "./remote-select";
export { SearchInput, type SearchInputProps } from "./search-input";
export { TableHead } from "./table-head";
export { type ListParams, useListParams } from "./use-list-params";

// The shared UI kit. Every component translates its own fixed words through the `common` namespace.
export { ArchivedBadge } from "./archived-badge";
export { CancelAndActionButtons, type CancelAndActionButtonsProps } from "./cancel-and-action-buttons";
export { CHART_COLOURS } from "./chart-colours";
export { codeInputProps } from "./code-input-props";
export { ConfirmButton, type ConfirmButtonProps } from "./confirm-button";
export { DataTable, type DataTableColumn, type DataTableProps } from "./data-table";
export { type DetailItem, DetailList } from "./detail-list";
export { DownloadMenu, type DownloadMenuProps, type ExportKind } from "./download-menu";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { ErrorAlert, type ErrorAlertProps, errorMessage } from "./error-alert";
export { ExportButtons, type ExportButtonsProps, type ExportFormat } from "./export-buttons";
export { FormButtons, type FormButtonsProps } from "./form-buttons";
export { FormDialog, type FormDialogProps } from "./form-dialog";
export { FormLines, type FormLinesProps } from "./form-lines";
export { FormModal, type FormModalProps } from "./form-modal";
export { FormPeriodInputs, type FormPeriodInputsProps } from "./form-period-inputs";
export { FormTextInput, type FormTextInputProps } from "./form-text-input";
export { type FormValueOf, formValuesOf } from "./form-values-of";
export {
  InlineAddForm,
  type InlineAddFormProps,
  SmallAddButton,
  type SmallAddButtonProps,
  TextField,
  type TextFieldProps,
} from "./inline-fields";
export { InlineSubmitForm, type InlineSubmitFormProps } from "./inline-submit-form";
export { LinkCell, type LinkCellProps } from "./link-cell";
export { type FilteredList, listFilter } from "./list-filter";
export { ListFooter, type ListFooterProps, ListPagination, PageFooter, type ServerPage } from "./list-footer";
export { ListPageHeader, type ListPageHeaderProps } from "./list-page-header";
export { listSwitch } from "./list-switch";
export { type ListPage, ListTable, type ListTableProps } from "./list-table";
export { NewRecordLink } from "./new-record-link";
export {
  confirmOutcome,
  formOutcome,
  formSaved,
  notifyDeleteOutcome,
  notifyError,
  notifyFormError,
  notifySuccess,
  saveChanges,
  savedOrFailed,
  saveForm,
} from "./notify";
export { type Crumb, PageHeader, type PageHeaderProps } from "./page-header";
export { PagedQuery, type PagedQueryProps } from "./paged-query";
export { PagedRowsTable, type PagedRowsTableProps } from "./paged-rows-table";
export { pickerProps } from "./picker-props";
export { PlainTable, type PlainTableProps } from "./plain-table";
export { PrintReportButton, type PrintReportButtonProps } from "./print-report-button";
export { QueryBoundary, type QueryBoundaryProps, RecordPage, type RecordPageProps } from "./query-boundary";
export { ReasonTextarea, type ReasonTextareaProps, useRequiredReason } from "./reason-textarea";
export { RegisterPicker, type RegisterPickerProps } from "./register-picker";
export { RELEASABILITY_LEVELS, ReleasabilityBadge } from "./releasability-badge";
export { ReleasabilitySelect } from "./releasability-select";
export { type RemoteOption, RemoteSelect, type RemoteSelectProps } from "./remote-select";
export { RemoveLineButton, type RemoveLineButtonProps } from "./remove-line-button";
export { RemoveRowButton, type RemoveRowButtonProps } from "./remove-row-button";
export { RemoveRowCell, type RemoveRowCellProps } from "./remove-row-cell";
export { RowActionButton, type RowActionButtonProps } from "./row-action-button";
export { RowLink, type RowLinkProps } from "./row-link";
export { RowsTable, type RowsTableProps } from "./rows-table";
export { SearchInput, type SearchInputProps } from "./search-input";
export { DimmedText, SectionCard, type SectionCardProps } from "./section-card";
export { StatusBadge, type StatusBadgeProps } from "./status-badge";
export { SubmitButton, type SubmitButtonProps } from "./submit-button";
export { TableHead } from "./table-head";
export { labelsUnder, optionsUnder } from "./translated-labels";
export { UploadButton, type UploadButtonProps } from "./upload-button";
export { closeClearing, useFormReset } from "./use-form-reset";
export { type ListParams, useListParams } from "./use-list-params";

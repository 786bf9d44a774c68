/** What a list page's filter control needs of `useListParams`: the filters' values and their setter. */
export interface FilteredList<F extends string> {
  filters: Record<F, string>;
  setFilter: (name: F, value: string | null) => void;
}

/**
 * A select bound to one of a list's URL filters: its value (null while the filter is unset, which the select
 * shows as empty) and its change (null clears the filter). Spread into the select: `{...listFilter(list, "kind")}`.
 */
export function listFilter<F extends string>(list: FilteredList<F>, name: F) {
  return {
    value: list.filters[name] || null,
    onChange: (value: string | null) => list.setFilter(name, value),
  };
}

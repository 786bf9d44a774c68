import { type ComboboxParsedItem, Loader, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";

export interface RemoteOption {
  value: string;
  label: string;
  /** Shown but not choosable (e.g. a person already nominated). */
  disabled?: boolean;
}

export interface RemoteSelectProps
  extends Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"> {
  value: string | null;
  onChange: (value: string | null, option: RemoteOption | null) => void;
  /** Cache key prefix for the option queries, e.g. `["organisations", "options"]`. */
  queryKey: readonly unknown[];
  /** Asks the server for options matching the text typed (empty text: the first page). */
  fetchOptions: (search: string) => Promise<RemoteOption[]>;
  /** The label of the current value when it is known already (edit forms). */
  initialOption?: RemoteOption | null;
  /** Fetches the label of a value that is neither known nor among the options (a filter read from the URL). */
  resolveOption?: (value: string) => Promise<RemoteOption | null>;
}

/**
 * A searchable Select whose options come from the API as the user types (debounced), for choosing
 * among more records than a page holds: parent organisation, nation, person…
 */
export function RemoteSelect({
  value,
  onChange,
  queryKey,
  fetchOptions,
  initialOption,
  resolveOption,
  ...rest
}: RemoteSelectProps) {
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<RemoteOption | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const selected = [chosen, initialOption].find((option) => option && option.value === value) ?? null;
  // Once an option is chosen the input shows its label: list the first page rather than search for it.
  const term = selected && debounced === selected.label ? "" : debounced;
  const wanted = selected && search === selected.label ? "" : search;

  const options = useQuery({
    queryKey: [...queryKey, "search", term],
    queryFn: () => fetchOptions(term),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const listed = !!value && !!options.data?.some((option) => option.value === value);
  const resolved = useQuery({
    queryKey: [...queryKey, "option", value],
    queryFn: () => resolveOption!(value!),
    enabled: !!resolveOption && !!value && !selected && !listed && !options.isPending,
    staleTime: 5 * 60_000,
  });

  const data = useMemo(() => {
    const list = [...(options.data ?? [])];
    const current = selected ?? resolved.data ?? null;
    if (current && current.value === value && !list.some((option) => option.value === current.value)) {
      list.unshift(current);
    }
    return list;
  }, [options.data, selected, resolved.data, value]);

  // Until the server has answered for what is typed, the list still holds the answer to an earlier text: show
  // only those of its options that contain the text, rather than a long list that has nothing to do with it.
  const stale = wanted !== term || options.isPlaceholderData;
  const shown = (all: ComboboxParsedItem[]) =>
    stale && wanted ? all.filter((o) => matches(o, wanted)) : all;

  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => shown(all)}
      onChange={(next) => {
        const option = data.find((candidate) => candidate.value === next) ?? null;
        setChosen(option);
        onChange(next, option);
      }}
      rightSection={options.isFetching ? <Loader size="xs" /> : undefined}
      {...rest}
    />
  );
}

/** Case and accents folded as the server folds them (ə as e, ı as i), while the server's answer is awaited. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ə/g, "e").replace(/ı/g, "i");
}

function matches(item: ComboboxParsedItem, text: string): boolean {
  if ("group" in item) return item.items.some((inner) => matches(inner, text));
  return fold(item.label).includes(fold(text));
}

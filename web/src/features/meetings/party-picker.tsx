import { Loader, MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { RemoteSelect, type RemoteSelectProps } from "../../shared/ui";
import { type PartyOption, searchParties } from "./api";

const PARTIES_KEY = ["meetings", "parties"] as const;

/** One nation or organisation ("nation:<id>" / "organisation:<id>"), searched on the server as the user types. */
export function PartySelect(props: Omit<RemoteSelectProps, "queryKey" | "fetchOptions">) {
  return <RemoteSelect queryKey={PARTIES_KEY} fetchOptions={(search) => searchParties(search)} {...props} />;
}

export interface PartyMultiSelectProps
  extends Omit<
    MultiSelectProps,
    "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"
  > {
  value: string[];
  onChange: (value: string[]) => void;
}

/** Several nations and organisations, searched on the server (debounced) as the user types. */
export function PartyMultiSelect({ value, onChange, ...rest }: PartyMultiSelectProps) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  // The labels of chosen parties, kept while later searches list other ones.
  const [chosen, setChosen] = useState<Record<string, PartyOption>>({});
  const options = useQuery({
    queryKey: [...PARTIES_KEY, "search", debounced.trim()],
    queryFn: ({ signal }) => searchParties(debounced, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const list = [...(options.data ?? [])];
    for (const selected of value) {
      const option = chosen[selected];
      if (option && !list.some((candidate) => candidate.value === selected)) list.unshift(option);
    }
    return list;
  }, [options.data, chosen, value]);

  return (
    <MultiSelect
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(next) => {
        const known = { ...chosen };
        for (const option of data) if (next.includes(option.value)) known[option.value] = option;
        setChosen(known);
        onChange(next);
      }}
      rightSection={options.isFetching ? <Loader size="xs" /> : undefined}
      {...rest}
    />
  );
}

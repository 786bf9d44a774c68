import type { ChangeEvent } from "react";
import type { FilteredList } from "./list-filter";

/**
 * A switch bound to one of a list's URL filters that is either on or unset: checked while the filter holds `on`
 * ("true" unless told), and turning it off clears the filter. Spread into the switch: `{...listSwitch(list, "overdue")}`.
 */
export function listSwitch<F extends string>(list: FilteredList<F>, name: F, on = "true") {
  return {
    checked: list.filters[name] === on,
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      list.setFilter(name, event.currentTarget.checked ? on : null),
  };
}

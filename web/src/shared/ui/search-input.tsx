import { CloseButton, TextInput, type TextInputProps } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export interface SearchInputProps extends Omit<TextInputProps, "value" | "onChange" | "defaultValue"> {
  value: string;
  /** Called `delay` ms after the user stops typing (at once when cleared). */
  onChange: (value: string) => void;
  delay?: number;
}

/** A search box that reports its value debounced; the label defaults to the translated "Search". */
export function SearchInput({ value, onChange, delay = 300, label, placeholder, ...rest }: SearchInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const report = useDebouncedCallback((next: string) => onChange(next.trim()), delay);

  useEffect(() => setText(value), [value]);

  return (
    <TextInput
      type="search"
      label={label ?? t("list.search")}
      placeholder={placeholder ?? t("list.searchPlaceholder")}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        report(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          report.cancel();
          onChange(text.trim());
        }
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t("actions.clear")}
            onClick={() => {
              report.cancel();
              setText("");
              onChange("");
            }}
          />
        ) : null
      }
      {...rest}
    />
  );
}

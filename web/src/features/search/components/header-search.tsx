import { ActionIcon, Box, Popover, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";

/** The header's search box: Enter opens the results page of the global search (signed-in users only). */
export function HeaderSearch() {
  const { t } = useTranslation();
  const { signedIn } = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const current = pathname === "/search" ? (params.get("q") ?? "") : "";
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  if (!signedIn) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  const box = (width: number, testId: string) => (
    <form onSubmit={submit}>
      <TextInput
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        placeholder={t("header.searchPlaceholder")}
        aria-label={t("header.search")}
        leftSection={<IconSearch size={16} aria-hidden />}
        w={width}
        maxLength={200}
        data-testid={testId}
      />
    </form>
  );
  // On a phone the header has no room for the box beside its menus: a button opens it below the header.
  return (
    <search>
      <Box visibleFrom="sm">{box(260, "header-search")}</Box>
      <Box hiddenFrom="sm">
        <Popover position="bottom-end" trapFocus shadow="md">
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t("header.search")}
              data-testid="header-search-open"
            >
              <IconSearch size={18} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>{box(240, "header-search-phone")}</Popover.Dropdown>
        </Popover>
      </Box>
    </search>
  );
}

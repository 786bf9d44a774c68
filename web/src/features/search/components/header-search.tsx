import { TextInput } from "@mantine/core";
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
  return (
    <search>
      <form onSubmit={submit}>
        <TextInput
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          placeholder={t("header.searchPlaceholder")}
          aria-label={t("header.search")}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={{ base: 140, sm: 260 }}
          maxLength={200}
          data-testid="header-search"
        />
      </form>
    </search>
  );
}

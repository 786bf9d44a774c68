import { Badge, createTheme, MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DAYJS_LOCALE } from "../shared/i18n/format";
import { isLanguage } from "../shared/i18n/languages";
import { accessibleColors } from "./theme-colors";

const theme = createTheme({
  colors: accessibleColors,
  primaryColor: "indigo",
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  components: {
    // A status is read, not guessed: badges never cut their text to "PLAN…"; a long one wraps instead.
    Badge: Badge.extend({
      styles: {
        root: {
          height: "auto",
          minHeight: "var(--badge-height)",
          maxWidth: "100%",
          flexShrink: 0,
          overflow: "visible",
        },
        label: {
          overflow: "visible",
          textOverflow: "clip",
          whiteSpace: "normal",
          overflowWrap: "normal",
          lineHeight: 1.3,
          paddingBlock: 2,
        },
      },
    }),
  },
});

function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider
      settings={{ locale: DAYJS_LOCALE[isLanguage(i18n.language) ? i18n.language : "en"], firstDayOfWeek: 1 }}
    >
      {children}
    </DatesProvider>
  );
}

/** Theme, data cache, notifications and the date pickers' locale. */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <LocalisedDates>{children}</LocalisedDates>
      </QueryClientProvider>
    </MantineProvider>
  );
}

import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { features } from "./app/features";
import { Providers } from "./app/providers";
import { createRouter } from "./app/router";
import { createQueryClient } from "./shared/api";
import { initI18n } from "./shared/i18n/i18n";
import type { FeatureI18n } from "./shared/i18n/languages";

initI18n(
  Object.fromEntries(
    features.flatMap((feature): [string, FeatureI18n][] =>
      feature.i18n ? [[feature.namespace, feature.i18n]] : [],
    ),
  ),
);

const queryClient = createQueryClient();
const router = createRouter();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);

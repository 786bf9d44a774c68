import { createBrowserRouter, type RouteObject } from "react-router-dom";
import { ensureNamespace } from "../shared/i18n/i18n";
import { NotFoundPage, RouteErrorPage } from "./error-pages";
import type { Feature } from "./feature";
import { features } from "./features";
import { HomePage } from "./home-page";
import { FullPageLoader, RootLayout } from "./root-layout";
import { ShellLayout } from "./shell-layout";

/** A feature's routes, each loading the feature's namespace along with its page. */
function featureRoutes(feature: Feature, routes: RouteObject[] = []): RouteObject[] {
  if (typeof feature.i18n !== "function") return routes;
  return routes.map((route): RouteObject => {
    const children = route.children ? featureRoutes(feature, route.children) : undefined;
    const load = route.lazy;
    if (typeof load === "function") {
      const lazy = async () => (await Promise.all([load(), ensureNamespace(feature.namespace)]))[0];
      return { ...route, lazy, children } as RouteObject;
    }
    // A route without code to load still waits for its strings.
    const loader =
      route.loader ??
      (async () => {
        await ensureNamespace(feature.namespace);
        return null;
      });
    return { ...route, loader, children } as RouteObject;
  });
}

const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      ...features.flatMap((feature) => featureRoutes(feature, feature.bareRoutes)),
      {
        element: <ShellLayout />,
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          ...features.flatMap((feature) => featureRoutes(feature, feature.routes)),
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);

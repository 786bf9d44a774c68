import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "../../shared/api";
import type { QueryOf, ResponseOf } from "../../shared/api/contract";

export type NationDashboard = ResponseOf<"getDashboardsNation">;
export type NationsDashboard = ResponseOf<"getDashboardsNations">;
export type Chart = "programme" | "participation" | "goals" | "certifications" | "contributions";

/** The years a dashboard covers, as the API's query names them. */
export type Span = Pick<QueryOf<"getDashboardsNation">, "fromYear" | "toYear">;

export const useNationDashboard = (nationId: string | undefined, span: Span) =>
  useQuery({
    queryKey: ["dashboards", "nation", nationId, span],
    queryFn: ({ signal }) =>
      api.get<NationDashboard>("/api/dashboards/nation", { nationId, ...span }, signal),
    enabled: !!nationId,
    placeholderData: keepPreviousData,
  });

export const useNationsDashboard = (span: Span) =>
  useQuery({
    queryKey: ["dashboards", "nations", span],
    queryFn: ({ signal }) => api.get<NationsDashboard>("/api/dashboards/nations", { ...span }, signal),
    placeholderData: keepPreviousData,
  });

/** The CSV behind a chart: the server builds it from the same figures, in the reader's language. */
export const nationCsv = (nationId: string, span: Span, chart: Chart, lang: string) =>
  `/api/dashboards/nation/export${toQueryString({ nationId, ...span, chart, lang })}`;
export const nationsCsv = (span: Span, chart: Chart, lang: string) =>
  `/api/dashboards/nations/export${toQueryString({ ...span, chart, lang })}`;

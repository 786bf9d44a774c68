import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/api";
import { useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
import type {
  ApplicationSummary,
  Certificate,
  Course,
  CourseDetail,
  Dossier,
  Language,
  PublicCertificate,
  Qualification,
  RegistryEntry,
  RunDetail,
} from "./types";

export const trainingKeys = {
  all: ["training"] as const,
  courses: (query: object) => ["training", "courses", query] as const,
  course: (id: string) => ["training", "course", id] as const,
  run: (eventId: string) => ["training", "run", eventId] as const,
  certificates: (query: object) => ["training", "certificates", query] as const,
  qualifications: ["training", "qualifications"] as const,
  registry: (query: object) => ["training", "registry", query] as const,
  applications: (query: object) => ["training", "applications", query] as const,
  dossier: (id: string) => ["training", "dossier", id] as const,
};

export const useInvalidateTraining = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trainingKeys.all });
};

/** A write that refreshes every training query once it succeeds. */
const useTrainingWrite = <I, O>(write: (input: I) => Promise<O>) =>
  useRefreshingMutation(trainingKeys.all, write);

export const useCourses = (query: { q?: string; limit?: number; offset?: number }) =>
  usePageQuery<Course>(trainingKeys.courses(query), "/api/training/courses", query);

export const useCourse = (id: string) =>
  useGetQuery<CourseDetail>(trainingKeys.course(id), `/api/training/courses/${id}`);

export const useRun = (eventId: string) =>
  useGetQuery<RunDetail>(trainingKeys.run(eventId), `/api/training/runs/${eventId}`);

export const useRunAction = <B>(eventId: string, path: string, method: "put" | "post" = "put") =>
  useTrainingWrite((body: B) => api[method]<RunDetail>(`/api/training/runs/${eventId}/${path}`, body));

export const useIssueCertificates = (eventId: string) =>
  useTrainingWrite(() =>
    api.post<{ issued: number; certificates: { id: string; number: string }[] }>(
      `/api/training/runs/${eventId}/certificates`,
      {},
    ),
  );

export const useCertificates = (query: {
  mine?: boolean;
  eventId?: string;
  status?: string;
  q?: string;
  limit?: number;
  offset?: number;
}) => usePageQuery<Certificate>(trainingKeys.certificates(query), "/api/training/certificates", query);

export const useCertificateAction = (path: "revoke" | "reissue" | "language") =>
  useTrainingWrite(({ id, ...body }: { id: string; reason?: string; language?: Language }) =>
    path === "language"
      ? api.put<Certificate>(`/api/training/certificates/${id}/language`, body)
      : api.post<Certificate>(`/api/training/certificates/${id}/${path}`, body),
  );

export const usePublicCertificate = (code: string) =>
  useQuery({
    queryKey: ["public-certificate", code],
    queryFn: ({ signal }) =>
      api.get<PublicCertificate>(`/api/public/certificates/${encodeURIComponent(code)}`, undefined, signal),
    retry: false,
  });

/** Look-up by the printed number and the holder's family name; runs only once both are given. */
export const useCertificateLookup = (number: string, holder: string) =>
  useQuery({
    queryKey: ["public-certificate-lookup", number, holder],
    queryFn: ({ signal }) =>
      api.get<PublicCertificate>("/api/public/certificate-lookup", { number, holder }, signal),
    enabled: !!number && !!holder,
    retry: false,
  });

export const useQualifications = () =>
  useGetQuery<Qualification[]>(trainingKeys.qualifications, "/api/training/qualifications");

export const useRegistry = (query: {
  qualification: string;
  validOn?: string;
  expiringWithinDays?: number;
  limit?: number;
  offset?: number;
}) =>
  usePageQuery<RegistryEntry>(trainingKeys.registry(query), "/api/training/registry", query, {
    enabled: !!query.qualification,
  });

export const useApplications = (query: { limit?: number; offset?: number }) =>
  usePageQuery<ApplicationSummary>(trainingKeys.applications(query), "/api/training/accreditation", query);

export const useDossier = (id: string) =>
  useGetQuery<Dossier>(trainingKeys.dossier(id), `/api/training/accreditation/${id}`);

export const useDossierAction = <B>(id: string) =>
  useTrainingWrite(({ path, body, method = "post" }: { path: string; body?: B; method?: "post" | "put" }) =>
    api[method]<Dossier>(`/api/training/accreditation/${id}/${path}`, body ?? {}),
  );

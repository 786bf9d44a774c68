import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error";

export const SESSION_QUERY_KEY = ["auth", "session"] as const;

/**
 * The app's QueryClient: no retries for 4xx answers (they will not change), and a 401 or a
 * PASSWORD_CHANGE_REQUIRED from any query re-reads the session so the shell can react.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === SESSION_QUERY_KEY[0]) return;
        if (isApiError(error) && (error.status === 401 || error.code === "PASSWORD_CHANGE_REQUIRED")) {
          void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
        }
      },
    }),
    // Any change may have told the user something (a notice created or read): the bell and "what needs you"
    // are read again after every successful mutation.
    mutationCache: new MutationCache({
      onSuccess: () => void client.invalidateQueries({ queryKey: ["notifications"] }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}

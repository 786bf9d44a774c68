import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, SESSION_QUERY_KEY } from "../../shared/api";
import type { BodyOf } from "../../shared/api/contract";
import { ANONYMOUS_SESSION, type Session, storeSession } from "../../shared/auth";

export type Credentials = BodyOf<"postAuthLogin">;

/** Signs in; on success the new session (and its CSRF token) replaces the old and cached data is dropped. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<Session>("/api/auth/login", credentials),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
      storeSession(queryClient, session);
    },
  });
}

/** Ends this session, or with `everywhere` every session of the account; clears all cached data. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ everywhere }: { everywhere: boolean }) =>
      api.post<{ ok: true }>(everywhere ? "/api/auth/logout-everywhere" : "/api/auth/logout"),
    onSettled: (_data, error) => {
      // A 401 means the session had already ended: signed out either way.
      if (error && !("status" in error && error.status === 401)) return;
      queryClient.clear();
      storeSession(queryClient, ANONYMOUS_SESSION);
    },
  });
}

export type PasswordChange = BodyOf<"postAuthPassword">;

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) => api.post<{ ok: true }>("/api/auth/password", change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
}

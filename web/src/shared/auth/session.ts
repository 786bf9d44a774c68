import { type QueryClient, useQuery } from "@tanstack/react-query";
import { api, ROLES, SESSION_QUERY_KEY, setCsrfToken } from "../api";
import type { Language } from "../i18n/languages";

export { ROLES };

export type Role = (typeof ROLES)[number];

/** A role, optionally scoped to one nation or one organisation (and its descendants). */
export interface Grant {
  role: Role;
  nationId: string | null;
  organisationId: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  preferredLanguage: Language;
  mustChangePassword: boolean;
  grants: Grant[];
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string | null;
  /** The server offers sign-in through the organisation's identity provider (OpenID Connect). */
  singleSignOn?: boolean;
}

export const ANONYMOUS_SESSION: Session = { user: null, csrfToken: null };

export async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>("/api/auth/session");
  setCsrfToken(session.csrfToken);
  return session;
}

/** Records a session the server just returned (login) or ended (logout). */
export function storeSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
}

/** The current session, read once and kept fresh for five minutes. */
export function useSession() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The signed-in user, or null while signed out (or while the session is loading). */
export function useCurrentUser(): SessionUser | null {
  return useSession().data?.user ?? null;
}

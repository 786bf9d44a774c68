import { Center, Loader } from "@mantine/core";
import { useEffect } from "react";
import { Navigate, Outlet, ScrollRestoration, useLocation } from "react-router-dom";
import { useSession } from "../shared/auth";
import { changeLanguage, hasStoredLanguage } from "../shared/i18n/i18n";

export function FullPageLoader() {
  return (
    <Center h="100vh" data-testid="loading">
      <Loader />
    </Center>
  );
}

/**
 * Waits for the session, applies the account's language (unless one was chosen on this device) and keeps a
 * user who must change their password on the change-password page.
 */
export function RootLayout() {
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user ?? null;

  useEffect(() => {
    if (user && !hasStoredLanguage()) changeLanguage(user.preferredLanguage, false);
  }, [user]);

  if (session.isPending) return <FullPageLoader />;
  if (user?.mustChangePassword && location.pathname !== "/change-password") {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

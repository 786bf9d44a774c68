import { type Feature, lazyPage } from "../../app/feature";
import { authI18n } from "./i18n";

export const authFeature: Feature = {
  namespace: "auth",
  i18n: authI18n,
  bareRoutes: [
    {
      path: "login",
      lazy: lazyPage(
        () => import("./pages/login-page"),
        (m) => m.LoginPage,
      ),
    },
    {
      path: "change-password",
      lazy: lazyPage(
        () => import("./pages/change-password-page"),
        (m) => m.ChangePasswordPage,
      ),
    },
    {
      path: "forgot-password",
      lazy: lazyPage(
        () => import("./pages/password-reset-pages"),
        (m) => m.ForgotPasswordPage,
      ),
    },
    {
      path: "reset-password",
      lazy: lazyPage(
        () => import("./pages/password-reset-pages"),
        (m) => m.ResetPasswordPage,
      ),
    },
  ],
};

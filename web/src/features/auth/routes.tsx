import { type Feature, lazyPage } from "../../app/feature";
import { authI18n } from "./i18n";

const pages = {
  login: () => import("./pages/login-page"),
  changePassword: () => import("./pages/change-password-page"),
  passwordReset: () => import("./pages/password-reset-pages"),
};

export const authFeature: Feature = {
  namespace: "auth",
  i18n: authI18n,
  bareRoutes: [
    { path: "login", lazy: lazyPage(pages.login, (m) => m.LoginPage) },
    { path: "change-password", lazy: lazyPage(pages.changePassword, (m) => m.ChangePasswordPage) },
    { path: "forgot-password", lazy: lazyPage(pages.passwordReset, (m) => m.ForgotPasswordPage) },
    { path: "reset-password", lazy: lazyPage(pages.passwordReset, (m) => m.ResetPasswordPage) },
  ],
};

import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router-dom";
import { useCurrentUser } from "../../../shared/auth";
import { AuthCard } from "../components/auth-card";
import { ChangePasswordForm } from "../components/change-password-form";

/** Where a user whose password must change is kept until it has changed. */
export function ChangePasswordPage() {
  const { t } = useTranslation("auth");
  const user = useCurrentUser();
  const navigate = useNavigate();

  if (!user) return <Navigate to="/login?next=%2Fchange-password" replace />;

  return (
    <AuthCard title={t("password.title")}>
      {user.mustChangePassword && (
        <Alert color="yellow" data-testid="must-change-password">
          {t("password.forcedIntro")}
        </Alert>
      )}
      <ChangePasswordForm
        onDone={() => navigate("/", { replace: true })}
        onCancel={user.mustChangePassword ? undefined : () => navigate(-1)}
      />
    </AuthCard>
  );
}

import { ActionIcon, Indicator, Tooltip } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useUnreadCount } from "../api";

/** The header's bell: the number of unread notices, linking to the list of unread ones. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const { user } = usePermissions();
  const unread = useUnreadCount(!!user && !user.mustChangePassword);
  if (!user) return null;
  const count = unread.data?.unread ?? 0;
  const label = count ? t("bellUnread", { count }) : t("bell");
  return (
    <Tooltip label={label}>
      <Indicator
        label={count > 99 ? "99+" : count}
        size={16}
        offset={4}
        color="red"
        disabled={count === 0}
        data-testid="notification-count"
        data-count={count}
      >
        <ActionIcon
          component={Link}
          to={count ? "/notifications?show=unread" : "/notifications"}
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          data-testid="notification-bell"
        >
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}

import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  Menu,
  Modal,
  NavLink,
  Progress,
  ScrollArea,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconApi,
  IconBellCog,
  IconChevronDown,
  IconHome,
  IconKey,
  IconLanguage,
  IconLogin,
  IconLogout,
  IconLogout2,
  IconUserCircle,
} from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate, useNavigation } from "react-router-dom";
import { useSignOut } from "../features/auth/api";
import { NotificationBell } from "../features/notifications/components/notification-bell";
import { HeaderSearch } from "../features/search/components/header-search";
import { usePermissions } from "../shared/auth";
import { changeLanguage } from "../shared/i18n/i18n";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "../shared/i18n/languages";
import type { NavItem } from "./feature";
import { features } from "./features";

// The form library is only needed once the dialog opens: keep it out of the initial bundle.
const ChangePasswordModal = lazy(() =>
  import("../features/auth/components/change-password-modal").then((m) => ({
    default: m.ChangePasswordModal,
  })),
);

const isActive = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/** Of sibling entries, only the one matching the path most closely is active ("/programmes" vs "/programmes/plans"). */
const activeEntry = (pathname: string, items: NavItem[]) =>
  items
    .flatMap((item) => [item.to, ...(item.matches ?? [])].map((prefix) => ({ to: item.to, prefix })))
    .filter((entry) => isActive(pathname, entry.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0]?.to;

function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : "en";
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLanguage size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`${t("header.language")}: ${current.toUpperCase()}`}
          data-testid="language-switch"
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("header.language")}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => changeLanguage(language)}
            fw={language === current ? 700 : undefined}
            data-testid={`language-${language}`}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation();
  const { user } = usePermissions();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [everywhereOpened, confirmEverywhere] = useDisclosure(false);

  if (!user) {
    if (location.pathname === "/login") return null;
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Button
        component={Link}
        to={`/login?next=${next}`}
        leftSection={<IconLogin size={16} aria-hidden />}
        data-testid="sign-in-button"
      >
        {t("header.signIn")}
      </Button>
    );
  }

  const roles = [...new Set(user.grants.map((grant) => grant.role))];
  const leave = (everywhere: boolean) => {
    signOut.mutate({ everywhere }, { onSuccess: () => navigate("/"), onSettled: confirmEverywhere.close });
  };

  return (
    <>
      <Modal
        opened={everywhereOpened}
        onClose={confirmEverywhere.close}
        title={t("header.signOutEverywhere")}
        centered
      >
        <Text size="sm">{t("header.signOutEverywhereConfirm")}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={confirmEverywhere.close}>
            {t("actions.cancel")}
          </Button>
          <Button
            color="red"
            loading={signOut.isPending}
            onClick={() => leave(true)}
            data-testid="sign-out-everywhere-confirm"
          >
            {t("header.signOutEverywhere")}
          </Button>
        </Group>
      </Modal>
      <Menu position="bottom-end" withinPortal width={260}>
        <Menu.Target>
          <UnstyledButton aria-label={`${t("header.userMenu")}: ${user.displayName}`} data-testid="user-menu">
            <Group gap={6} wrap="nowrap">
              <IconUserCircle size={22} aria-hidden />
              <Text size="sm" fw={500} visibleFrom="xs" data-testid="user-display-name">
                {user.displayName}
              </Text>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.displayName} ({user.username})
          </Menu.Label>
          {roles.length > 0 && (
            <Text size="xs" c="dimmed" px="sm" pb="xs">
              {t("header.roles")}: {roles.map((role) => t(`roles.${role}`)).join(", ")}
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={onChangePassword}
            data-testid="menu-change-password"
          >
            {t("header.changePassword")}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconBellCog size={16} aria-hidden />}
            component={Link}
            to="/notifications/preferences"
            data-testid="menu-notification-settings"
          >
            {t("notifications:preferencesLink")}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconApi size={16} aria-hidden />}
            component="a"
            href="/api/docs"
            target="_blank"
            rel="noopener"
          >
            {t("header.apiDocs")}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => leave(false)}
            data-testid="menu-sign-out"
          >
            {t("header.signOut")}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout2 size={16} aria-hidden />}
            color="red"
            onClick={confirmEverywhere.open}
            data-testid="menu-sign-out-everywhere"
          >
            {t("header.signOutEverywhere")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

function NavEntry({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label)}
      leftSection={Icon ? <Icon size={18} stroke={1.6} /> : undefined}
      active={active}
      onClick={onNavigate}
      data-testid={`nav-${item.to.slice(1).replace(/\//g, "-")}`}
    />
  );
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const { pathname } = useLocation();
  const visible = (item: NavItem) => !item.visible || item.visible(permissions);

  return (
    <Box component="nav" aria-label={t("nav.label")}>
      <NavLink
        component={Link}
        to="/"
        label={t("nav.home")}
        leftSection={<IconHome size={18} stroke={1.6} />}
        active={pathname === "/"}
        onClick={onNavigate}
        data-testid="nav-home"
      />
      {features.map((feature) => {
        const section = feature.nav;
        if (!section || !visible(section)) return null;
        const Icon = section.icon;
        if (!section.items)
          return (
            <NavEntry
              key={section.to}
              item={section}
              active={isActive(pathname, section.to)}
              onNavigate={onNavigate}
            />
          );
        const items = section.items.filter(visible);
        const active = activeEntry(pathname, items);
        return (
          <NavLink
            key={section.to}
            label={t(section.label)}
            leftSection={Icon ? <Icon size={18} stroke={1.6} /> : undefined}
            defaultOpened
            childrenOffset={28}
            data-testid={`nav-group-${section.to.slice(1)}`}
          >
            {items.map((item) => (
              <NavEntry key={item.to} item={item} active={item.to === active} onNavigate={onNavigate} />
            ))}
          </NavLink>
        );
      })}
    </Box>
  );
}

/** The application shell: header (name, language, user), navbar built from `features`, and the page. */
export function ShellLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const navigation = useNavigation();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 270, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        {navigation.state === "loading" && (
          <Progress
            value={100}
            animated
            size="xs"
            radius={0}
            pos="absolute"
            top={0}
            left={0}
            right={0}
            aria-label={t("list.progress")}
          />
        )}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.toggle")}
              data-testid="nav-burger"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Group gap={8} wrap="nowrap">
                <Text fw={800} size="lg">
                  {t("appName")}
                </Text>
                <Text size="sm" c="dimmed" visibleFrom="md">
                  {t("appTagline")}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <HeaderSearch />
            <NotificationBell />
            <LanguageMenu />
            <UserMenu onChangePassword={passwordModal.open} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section pt="xs" px="sm" pb="xs">
          <Anchor href="/api/docs" target="_blank" rel="noopener" size="xs" c="dimmed">
            {t("footer.apiDocs")}
          </Anchor>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
      {passwordOpened && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
        </Suspense>
      )}
    </AppShell>
  );
}

import { Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsFromApi, isApiError } from "../../../shared/api";
import {
  notifyError,
  notifySuccess,
  optionsUnder,
  PageHeader,
  QueryBoundary,
  TableHead,
  TextField,
} from "../../../shared/ui";
import { type Delivery, type Preferences, usePreferences, useSavePreferences } from "../api";

const DELIVERIES: Delivery[] = ["immediate", "digest", "in_app"];

function PreferencesForm({ saved }: { saved: Preferences }) {
  const { t } = useTranslation("notifications");
  const save = useSavePreferences();
  const [email, setEmail] = useState(saved.email ?? "");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [kinds, setKinds] = useState(() => new Map(saved.kinds.map((k) => [k.kind, k.delivery])));
  useEffect(() => {
    setEmail(saved.email ?? "");
    setKinds(new Map(saved.kinds.map((k) => [k.kind, k.delivery])));
  }, [saved]);
  const setAll = (delivery: Delivery) => setKinds(new Map([...kinds.keys()].map((k) => [k, delivery])));

  const submit = () => {
    setEmailError(null);
    save.mutate(
      {
        email: email.trim() || null,
        kinds: [...kinds].map(([kind, delivery]) => ({ kind, delivery })),
      },
      {
        onSuccess: () => notifySuccess(t("preferences.saved")),
        onError: (error) => {
          const message = isApiError(error) ? fieldErrorsFromApi(error).email : undefined;
          if (message) setEmailError(message);
          else notifyError(error, t);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={900}>
      <TextField
        label={t("preferences.email")}
        type="email"
        value={email}
        onValue={setEmail}
        error={emailError}
        description={
          saved.email === null && saved.effectiveEmail
            ? t("preferences.emailHint", { address: saved.effectiveEmail })
            : saved.effectiveEmail
              ? undefined
              : t("preferences.noAddress")
        }
        maw={420}
        testId="preferences-email"
      />
      <Group gap="xs">
        <Text size="sm">{t("preferences.allTo")}:</Text>
        {DELIVERIES.map((delivery) => (
          <Button
            key={delivery}
            size="compact-sm"
            variant="default"
            onClick={() => setAll(delivery)}
            data-testid={`preferences-all-${delivery}`}
          >
            {t(`preferences.${delivery}`)}
          </Button>
        ))}
      </Group>
      <Table striped verticalSpacing={6}>
        <TableHead columns={[t("preferences.kind"), t("preferences.delivery")]} />
        <Table.Tbody>
          {[...kinds].map(([kind, delivery]) => (
            <Table.Tr key={kind} data-testid={`preference-row-${kind}`}>
              <Table.Td>{t(`kinds.${kind}`, { defaultValue: kind })}</Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={t(`kinds.${kind}`, { defaultValue: kind })}
                  value={delivery}
                  onChange={(value) => setKinds(new Map(kinds).set(kind, value as Delivery))}
                  data={optionsUnder(t, "preferences", DELIVERIES)}
                  data-testid={`preference-${kind}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="preferences-save">
          {t("preferences.save")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Per kind of notice: e-mail at once, in the daily digest, or in Accord only; and the address mail goes to. */
export function PreferencesPage() {
  const { t } = useTranslation("notifications");
  const preferences = usePreferences();
  return (
    <>
      <PageHeader
        title={t("preferences.title")}
        description={t("preferences.description")}
        breadcrumbs={[{ label: t("title"), to: "/notifications" }, { label: t("preferences.title") }]}
      />
      <QueryBoundary query={preferences}>{(saved) => <PreferencesForm saved={saved} />}</QueryBoundary>
    </>
  );
}

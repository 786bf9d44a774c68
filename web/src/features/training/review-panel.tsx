import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Page } from "../../shared/api";
import { useFormat } from "../../shared/i18n/format";
import { notifyError, notifySuccess, optionsUnder, RemoteSelect } from "../../shared/ui";
import { useDossierAction } from "./api";
import { CloseFindingButton } from "./components/accreditation-authoring";
import { localTitle } from "./local";
import type { Dossier } from "./types";

const DECISIONS = {
  accreditation: ["accredited", "accredited_with_conditions", "not_accredited"],
  partnership_training_centre_recognition: ["recognised", "not_recognised"],
} as const;

/** The reviewing organisation's controls: visit, findings and conditions, decision, closure. */
export function ReviewPanel({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation("training");
  const format = useFormat();
  const action = useDossierAction<object>(dossier.id);
  const [visit, setVisit] = useState({ startsOn: "", endsOn: "", lead: null as string | null });
  const [finding, setFinding] = useState({ standardId: null as string | null, kind: "finding", text: "" });
  const [decision, setDecision] = useState<{ decision: string | null; decidedOn: string }>({
    decision: null,
    decidedOn: "",
  });
  const run = (path: string, body: object, done?: () => void) =>
    action.mutate(
      { path, body },
      {
        onSuccess: () => {
          notifySuccess(t("run.saved"));
          done?.();
        },
        onError: (error) => notifyError(error, t),
      },
    );
  const standards = dossier.areas.flatMap((area) =>
    area.standards.map((s) => ({ value: s.id, label: `${s.code} ${localTitle(s.title, format.language)}` })),
  );
  const openFindings = [
    ...dossier.generalFindings,
    ...dossier.areas.flatMap((area) => area.standards.flatMap((s) => s.findings)),
  ].filter((f) => f.status === "open");
  const can = (name: string) => dossier.allowedTransitions.includes(name);

  return (
    <Card withBorder data-testid="review-panel">
      <Title order={2} size="h5" mb="sm">
        {t("accreditation.team")} · {t("accreditation.findings")} · {t("accreditation.decision")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack gap="xs">
          <Text fw={500}>{t("accreditation.visit")}</Text>
          <TextInput
            type="date"
            label={t("courses.dates")}
            value={visit.startsOn}
            onChange={(e) => setVisit({ ...visit, startsOn: e.currentTarget.value })}
            data-testid="visit-starts"
          />
          <TextInput
            type="date"
            value={visit.endsOn}
            onChange={(e) => setVisit({ ...visit, endsOn: e.currentTarget.value })}
            data-testid="visit-ends"
          />
          <RemoteSelect
            label={t("accreditation.team")}
            value={visit.lead}
            onChange={(value) => setVisit({ ...visit, lead: value })}
            queryKey={["training", "people"]}
            fetchOptions={async (search) =>
              (
                await api.get<Page<{ id: string; givenName: string; familyName: string }>>("/api/people", {
                  q: search,
                  limit: 20,
                })
              ).items.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName}` }))
            }
          />
          <Button
            disabled={!can("plan_visit") || !visit.startsOn || !visit.endsOn || !visit.lead}
            loading={action.isPending}
            data-testid="plan-visit"
            onClick={() =>
              run("visit", {
                startsOn: visit.startsOn,
                endsOn: visit.endsOn,
                team: [{ personId: visit.lead, role: "lead" }],
              })
            }
          >
            {t("accreditation.transitions.plan_visit")}
          </Button>
        </Stack>
        <Stack gap="xs">
          <Text fw={500}>{t("accreditation.findings")}</Text>
          <Select
            label={t("accreditation.standard")}
            clearable
            searchable
            data={standards}
            value={finding.standardId}
            onChange={(value) => setFinding({ ...finding, standardId: value })}
          />
          <Select
            data={optionsUnder(t, "findingKinds", ["finding", "recommendation", "condition"])}
            value={finding.kind}
            allowDeselect={false}
            onChange={(value) => setFinding({ ...finding, kind: value ?? "finding" })}
          />
          <Textarea
            autosize
            minRows={2}
            value={finding.text}
            onChange={(e) => setFinding({ ...finding, text: e.currentTarget.value })}
          />
          <Button
            variant="light"
            disabled={
              !finding.text.trim() || !["visit_planned", "visited", "decided"].includes(dossier.state)
            }
            onClick={() =>
              run(
                "findings",
                { standardId: finding.standardId, kind: finding.kind, text: finding.text },
                () => setFinding({ ...finding, text: "" }),
              )
            }
          >
            {t("accreditation.save")}
          </Button>
          {openFindings.map((f) => (
            <Group key={f.id} gap="xs" wrap="nowrap" justify="space-between">
              <Text size="xs">
                {t(`findingKinds.${f.kind}`)}: {f.text}
              </Text>
              <CloseFindingButton dossier={dossier} finding={f} />
            </Group>
          ))}
        </Stack>
        <Stack gap="xs">
          <Text fw={500}>{t("accreditation.decision")}</Text>
          <Select
            data={optionsUnder(t, "decisions", DECISIONS[dossier.kind])}
            value={decision.decision}
            onChange={(value) => setDecision({ ...decision, decision: value })}
            data-testid="decision-select"
          />
          <TextInput
            type="date"
            value={decision.decidedOn}
            onChange={(e) => setDecision({ ...decision, decidedOn: e.currentTarget.value })}
          />
          <Button
            disabled={!can("decide") || !decision.decision}
            loading={action.isPending}
            data-testid="decide"
            onClick={() =>
              run("decision", {
                decision: decision.decision,
                ...(decision.decidedOn ? { decidedOn: decision.decidedOn } : {}),
              })
            }
          >
            {t("accreditation.transitions.decide")}
          </Button>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

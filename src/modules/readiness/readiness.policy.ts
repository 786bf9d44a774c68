import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import {
  coordinatesNation,
  hasRole,
  isAdministrator,
  managesOrganisation,
  type Viewer,
} from "../../platform/access/viewer.js";

const organises = (viewer: Viewer, organisationId: string | null | undefined) =>
  hasRole(viewer, "organiser") && managesOrganisation(viewer, organisationId);

/** Who plans an evaluation: the unit's national coordinator, the evaluating organisation's organisers. */
export const plansEvaluation = (
  viewer: Viewer,
  evaluation: { unitNationId: string | null; evaluatingOrganisationId: string | null },
) =>
  isAdministrator(viewer) ||
  coordinatesNation(viewer, evaluation.unitNationId) ||
  organises(viewer, evaluation.evaluatingOrganisationId);

/** Viewers whose only business with evaluations is the teams they are on. */
export const seesOnlyOwnTeams = (viewer: Viewer) =>
  hasRole(viewer, "evaluator") &&
  viewer.grants.every((grant) => grant.role === "evaluator" || grant.role === "participant");

export const readinessActions = definePolicy({
  "unit.read": signedIn,
  "unit.update": (viewer: Viewer, unit: { nationId: string | null }) =>
    isAdministrator(viewer) || coordinatesNation(viewer, unit.nationId),
  "checklist.read": signedIn,
  "checklist.write": (viewer: Viewer) =>
    isAdministrator(viewer) || hasRole(viewer, "organiser") || hasRole(viewer, "national_coordinator"),
  "evaluation.read": signedIn,
  "evaluation.plan": plansEvaluation,
  "evaluation.answer": (_viewer: Viewer, evaluation: { onTeam: boolean }) => evaluation.onTeam,
  "evaluation.report": (
    viewer: Viewer,
    evaluation: { onTeam: boolean; unitNationId: string | null; evaluatingOrganisationId: string | null },
  ) => evaluation.onTeam || plansEvaluation(viewer, evaluation),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof readinessActions> {}
}

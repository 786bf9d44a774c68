import { writeAudit } from "../../platform/audit.js";
import { notify } from "../notices/index.js";
import { type CertificateChangeListener, onCertificateChange } from "../training/index.js";
import { EVALUATOR_QUALIFICATION } from "./readiness.schemas.js";
import { uncertifiedTeamPlaces } from "./team-certification.queries.js";

/**
 * Issue 16, finding 5: when an evaluator's certificate stops counting, the teams of open evaluations they serve on
 * are re-checked in the same transaction. Each place the person no longer qualifies for (the team member now reads
 * `certified: false`) is audited and its evaluation's organisers hear of it: the unit nation's coordinators and the
 * organisers of the evaluating organisation. The member stays on the team: replacing them is the organisers' call.
 */
export const recheckTeams: CertificateChangeListener = async (trx, ctx, change) => {
  if (change.qualificationCode !== EVALUATOR_QUALIFICATION) return;
  for (const place of await uncertifiedTeamPlaces(trx, change.personId)) {
    const title = `${place.givenName} ${place.familyName}, ${place.unitName} (${place.startsOn} – ${place.endsOn})`;
    await notify(trx, {
      recipients: [
        { nationCoordinators: [place.ownerNationId] },
        { organisationStaff: { organisationIds: [place.evaluatingOrganisationId], roles: ["organiser"] } },
      ],
      kind: "evaluation.team_uncertified",
      record: {
        type: "evaluation",
        id: place.evaluationId,
        link: `/readiness/evaluations/${place.evaluationId}`,
      },
      title,
      body: `Certificate ${change.number} ${change.change}: ${change.reason}`,
      params: { title, certificate: change.number, reason: change.reason },
      actorUserId: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "evaluation.team.uncertified",
      recordType: "evaluation_team_member",
      recordId: place.id,
      before: { certified: true },
      after: { certified: false },
      detail: { certificate: change.number, change: change.change, reason: change.reason },
    });
  }
};

onCertificateChange(recheckTeams);

import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isAdministrator, readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { runs as runsActivity } from "./catalogue.policy.js";

interface Organised {
  organiserId: string;
  hostInstitutionId: string | null;
}

export const feedbackActions = definePolicy({
  /** Anyone whose account is a person answers for the events they took part in (the service checks which). */
  "feedback.answer": (viewer: Viewer) => viewer.personId !== null,
  /** The questions asked are no secret to anyone signed in. */
  "feedback.questions.read": signedIn,
  /** Alliance staff (administrators) set the questions of each activity kind. */
  "feedback.questions.manage": isAdministrator,
  /** Those who run the activity (organisers, course directors) and global readers see its report, aggregated. */
  "feedback.report": (viewer: Viewer, activity: Organised) =>
    readsEverything(viewer) || runsActivity(viewer, activity),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof feedbackActions> {}
}

import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  NextStates,
  Nullable,
  StrictObject,
  StringEnum,
  Uuid,
} from "../../platform/http/schemas.js";
import { GOAL_STATUSES, GoalOut, RATINGS } from "./programmes.schemas.js";

/** The two sides that agree a proposed goal (issue 22): the partner nation's and the alliance's. */
export const GOAL_SIDES = ["partner", "alliance"] as const;
export type GoalSide = (typeof GOAL_SIDES)[number];

/** One side's agreement: when, and the account that recorded it (null once the account is removed). */
const SideAgreement = Nullable(
  Type.Object({
    agreedAt: IsoDateTime,
    agreedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  }),
);

export const GoalDetail = Type.Object({
  ...GoalOut.properties,
  allowedTransitions: NextStates(GOAL_STATUSES),
  /**
   * What this viewer may do (programmes.policy.ts): assess (alliance staff only); agree for the partner side (a
   * coordinator of the goal's nation) or the alliance side (alliance staff), while the goal is proposed.
   */
  viewerMay: Type.Object({
    assess: Type.Boolean(),
    agreeAsPartner: Type.Boolean(),
    agreeAsAlliance: Type.Boolean(),
  }),
  /** Each side's agreement of the goal; it becomes agreed when both have agreed. */
  agreement: Type.Object({ partner: SideAgreement, alliance: SideAgreement }),
  history: Type.Array(
    Type.Object({
      id: Uuid,
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      note: Nullable(Type.String()),
      changedAt: IsoDateTime,
    }),
  ),
  assessments: Type.Array(
    Type.Object({
      id: Uuid,
      cycleYear: Type.Integer(),
      rating: StringEnum(RATINGS),
      comments: Nullable(Type.String()),
      assessedOn: Nullable(IsoDate),
      sample: Type.Boolean(),
    }),
  ),
  actions: Type.Array(
    Type.Object({ id: Uuid, title: Type.String(), status: Type.String(), objectiveId: Uuid }),
  ),
  activities: Type.Array(Type.Object({ id: Uuid, code: Type.String(), titleEn: Type.String() })),
});

export const GoalSideParams = StrictObject({ id: Uuid, side: StringEnum(GOAL_SIDES) });
export type GoalSideParams = Static<typeof GoalSideParams>;

import { Type } from "typebox";
import { Nullable, Uuid } from "./schemas.js";

/** A nation or organisation as a record names it: id, code and English name. */
export const CodeRef = Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() });

/** How a person is named in lists and records: rank, names and nation (platform/pdf-report's personName). */
export const PersonNameFields = {
  givenName: Type.String(),
  familyName: Type.String(),
  rankTitle: Nullable(Type.String()),
  nationCode: Type.String(),
};

/** A person a record names: an evaluation's team member, a course's director, an action's owner. */
export const PersonRef = Type.Object({ id: Uuid, ...PersonNameFields });

import { splitParty } from "../meetings/api";
import type { Party } from "./types";

/** A party as a select's option: the value "nation:<id>" or "organisation:<id>", the label "AZ — Azerbaijan". */
export const partyOption = (party: Pick<Party, "kind" | "id" | "code" | "nameEn">) => ({
  value: `${party.kind}:${party.id}`,
  label: `${party.code} — ${party.nameEn}`,
});

/** The nations' and the organisations' ids among parties chosen as "kind:id" values. */
export function partyIds(values: string[]) {
  const parties = values.map(splitParty);
  return {
    nationIds: parties.flatMap((p) => (p.nationId ? [p.nationId] : [])),
    organisationIds: parties.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
  };
}

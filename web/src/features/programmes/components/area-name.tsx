import { localName, useFormat } from "../../../shared/i18n/format";
import { useAreas, usePlanKinds } from "../api";

/** The name of an area of cooperation in the user's language (nothing until the list arrives, never the code). */
export function AreaName({ code }: { code: string }) {
  const format = useFormat();
  const areas = useAreas();
  const area = areas.data?.find((candidate) => candidate.code === code);
  return <>{area ? localName(area, format.language) : ""}</>;
}

/** The name of a kind of plan or document in the user's language (nothing until the list arrives, never the code). */
export function PlanKindName({ code }: { code: string }) {
  const format = useFormat();
  const kinds = usePlanKinds();
  const kind = kinds.data?.find((candidate) => candidate.code === code);
  return <>{kind ? localName(kind, format.language) : ""}</>;
}

import { localName, useFormat } from "../../../shared/i18n/format";
import { useAreas } from "../api";

/** The name of an area of cooperation in the user's language (the code until the list arrives). */
export function AreaName({ code }: { code: string }) {
  const format = useFormat();
  const areas = useAreas();
  const area = areas.data?.find((candidate) => candidate.code === code);
  return <>{area ? localName(area, format.language) : code}</>;
}

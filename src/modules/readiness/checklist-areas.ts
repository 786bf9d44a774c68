/** A criterion row as the checklist reads give it: the area it belongs to named beside it. */
interface CriterionInArea {
  areaId: string;
  areaCode: string;
  areaTitle: string;
}

/** A checklist's criteria grouped under their areas, the areas in the order of their first criterion. */
export function criteriaByArea<R extends CriterionInArea>(rows: R[]) {
  const areas = new Map<string, { id: string; code: string; title: string; criteria: R[] }>();
  for (const row of rows) {
    let area = areas.get(row.areaId);
    if (!area) {
      area = { id: row.areaId, code: row.areaCode, title: row.areaTitle, criteria: [] };
      areas.set(row.areaId, area);
    }
    area.criteria.push(row);
  }
  return [...areas.values()];
}

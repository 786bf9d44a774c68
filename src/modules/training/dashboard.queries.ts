import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { certificateVisibleTo } from "./training.queries.js";

export interface CertificationFigure {
  nationId: string;
  qualificationCode: string;
  nameEn: string;
  nameAz: string | null;
  nameRu: string | null;
  held: number;
}

/**
 * Certifications held on a date by each nation's people: distinct holders of a certificate that is valid on the
 * date and not revoked, by qualification (or by course where the certificate names none). Only certificates the
 * viewer may list count (`certificateVisibleTo`).
 */
export async function certificationFigures(
  db: Kysely<DB>,
  viewer: Viewer,
  nationIds: string[],
  onDate: string,
): Promise<CertificationFigure[]> {
  const { rows } = await sql<CertificationFigure>`
    select p.nation_id, coalesce(q.code, a.code) as qualification_code, coalesce(q.name_en, a.title_en) as name_en,
      coalesce(q.name_az, a.title_az) as name_az, coalesce(q.name_ru, a.title_ru) as name_ru,
      count(distinct x.person_id)::int as held
    from certificate x join person p on p.id = x.person_id join course c on c.id = x.course_id
      join activity a on a.id = c.activity_id left join qualification q on q.code = x.qualification_code
    where p.nation_id = any(${sql.val(nationIds)}::uuid[]) and x.revoked_at is null
      and x.valid_from <= ${onDate}::date and (x.valid_until is null or x.valid_until >= ${onDate}::date)
      and ${certificateVisibleTo(viewer)()}
    group by 1, 2, 3, 4, 5 order by 1, 2`.execute(db);
  return rows;
}

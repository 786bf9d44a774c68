import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { Role } from "../../platform/access/viewer.js";
import { hashPassword } from "./passwords.js";

export const DEMO_PASSWORD = "accord-demo-2026";

interface DemoAccount {
  username: string;
  displayName: string;
  description: string;
  personEmail: string | null;
  role: Role;
  nation?: string;
  organisation?: string;
}

/** One account per role. Created only in demo mode; never outside it. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "admin",
    displayName: "Demo Administrator",
    description: "administrator (users, roles, reference data)",
    personEmail: null,
    role: "administrator",
  },
  {
    username: "coordinator",
    displayName: "Col. Rashad Aliyev",
    description: "national coordinator of Azerbaijan",
    personEmail: "r.aliyev@example.az",
    role: "national_coordinator",
    nation: "AZE",
  },
  {
    username: "organiser",
    displayName: "Lt Col. Katrin Weber",
    description: "organiser at the NATO School",
    personEmail: "k.weber@example.int",
    role: "organiser",
    organisation: "NATO-SCHOOL",
  },
  {
    username: "director",
    displayName: "Maj. Leyla Mammadova",
    description: "course director at the War Games Centre",
    personEmail: "l.mammadova@example.az",
    role: "course_director",
    organisation: "AZE-NDU-WGC",
  },
  {
    username: "evaluator",
    displayName: "Lt Col. Mehmet Yılmaz",
    description: "evaluator (Turkish General Staff)",
    personEmail: "m.yilmaz@example.tr",
    role: "evaluator",
    organisation: "TUR-TGS",
  },
  {
    username: "participant",
    displayName: "Capt. Elvin Huseynov",
    description: "participant",
    personEmail: "e.huseynov@example.az",
    role: "participant",
  },
  {
    username: "auditor",
    displayName: "James Carter",
    description: "auditor (read-only, everything)",
    personEmail: "j.carter@example.int",
    role: "auditor",
  },
];

export async function seedDemoAccounts(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const personId = account.personEmail
      ? ((
          await db
            .selectFrom("person")
            .select("id")
            .where(sql<boolean>`lower(email) = ${account.personEmail}`)
            .executeTakeFirst()
        )?.id ?? null)
      : null;
    const user = await db
      .insertInto("appUser")
      .values({ username: account.username, displayName: account.displayName, personId, passwordHash })
      .onConflict((oc) =>
        oc.column("username").doUpdateSet({ passwordHash, lockedUntil: null, failedLogins: 0 }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    const nationId = await idOfCode(db, "nation", account.nation);
    const organisationId = await idOfCode(db, "organisation", account.organisation);
    await db
      .insertInto("roleAssignment")
      .values({ userId: user.id, role: account.role, nationId, organisationId })
      .onConflict((oc) => oc.constraint("role_assignment_unique").doNothing())
      .execute();
  }
}

/** The id of the nation or organisation with the code (which must exist); null when no code is given. */
async function idOfCode(db: Db, table: "nation" | "organisation", code: string | undefined) {
  if (!code) return null;
  return (await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

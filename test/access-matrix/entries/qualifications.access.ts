import { type AccessEntry, access, type MatrixContext } from "../matrix.js";

/** A qualification conferred by one course of the scope's organisation (in) or of another (out). */
async function conferredQualification(ctx: MatrixContext, scope: "in" | "out") {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const code = `MATRIX-Q-${ctx.unique()}`.toUpperCase();
  await ctx.db
    .insertInto("qualification")
    .values({ code, nameEn: `Matrix qualification ${code}`, validityYears: 3 })
    .execute();
  const activity = await ctx.db
    .insertInto("activity")
    .values({
      code,
      titleEn: `Matrix course ${code}`,
      kind: "course",
      menuYear: 2026,
      organiserId: owner.organisationId,
      hostInstitutionId: owner.organisationId,
      ownerNationId: owner.nationId,
      ownerOrganisationId: owner.organisationId,
      releasability: "restricted",
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const scheme = {
    passMark: 50,
    components: [{ code: "T", title: "Test", kind: "test", maxScore: 100, weight: 1 }],
  };
  await ctx.db
    .insertInto("course")
    .values({ activityId: activity.id, qualificationCode: code, assessment: JSON.stringify(scheme) })
    .execute();
  return code;
}

export const accessEntries: AccessEntry[] = [
  {
    method: "POST",
    url: "/api/training/qualifications",
    // Course staff define the qualifications their courses confer; a new code belongs to no one yet.
    access: access({ administrator: "allow", organiser: "allow", course_director: "allow" }),
    request: async (ctx) => ({
      url: "/api/training/qualifications",
      body: {
        code: `MATRIX-NEW-${ctx.unique()}`.toUpperCase(),
        name: { en: "Matrix qualification" },
        validityYears: 2,
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/training/qualifications/:code",
    // Editable by the staff of every course that confers it.
    access: access({ administrator: "allow", organiser: "scope", course_director: "scope" }),
    request: async (ctx, scope) => ({
      url: `/api/training/qualifications/${await conferredQualification(ctx, scope)}`,
      body: { validityYears: 4 },
    }),
  },
];

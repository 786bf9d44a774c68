import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator", username: "root.admin" });
});
afterAll(() => t.close());

const auditOf = (recordId: string) =>
  t.db
    .selectFrom("auditEntry")
    .select(["action", "actorLabel", "diff"])
    .where("recordId", "=", recordId)
    .orderBy("seq")
    .execute();

describe("user administration", () => {
  it("creates a user with a temporary password that must be changed at first sign-in", async () => {
    const aze = await t.nationId("AZE");
    const created = await admin.post("/api/admin/users", {
      username: "new.coordinator",
      displayName: "New Coordinator",
      temporaryPassword: "temporary-pass-2026",
      roles: [{ role: "national_coordinator", nationId: aze }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: "new.coordinator",
      mustChangePassword: true,
      disabled: false,
      roles: [{ role: "national_coordinator", nationId: aze, nationCode: "AZE", organisationId: null }],
    });
    expect(created.body).not.toHaveProperty("passwordHash");
    const audit = await auditOf(created.body.id);
    expect(audit[0]).toMatchObject({ action: "user.create", actorLabel: "root.admin" });
    expect(JSON.stringify(audit[0]!.diff)).not.toContain("argon2");

    const user = await t.login("new.coordinator", "temporary-pass-2026");
    expect((await user.get("/api/people")).body.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const changed = await user.post("/api/auth/password", {
      currentPassword: "temporary-pass-2026",
      newPassword: "my-own-passphrase-77",
    });
    // The change rotates the session: the browser takes the new cookie and CSRF token.
    user.cookie = String(changed.headers["set-cookie"]).split(";")[0]!;
    user.csrfToken = changed.body.csrfToken;
    expect((await user.get("/api/people")).status).toBe(200);
  });

  it("names the field of a scope that does not fit the role", async () => {
    const aze = await t.nationId("AZE");
    const school = await t.organisationId("NATO-SCHOOL");
    const target = await t.signIn({ role: "participant" });
    const cases: [object, string][] = [
      [{ role: "national_coordinator" }, "body.nationId"],
      [{ role: "national_coordinator", nationId: aze, organisationId: school }, "body.organisationId"],
      [{ role: "organiser", nationId: aze }, "body.organisationId"],
      [{ role: "administrator", nationId: aze }, "body.nationId"],
      [{ role: "auditor", nationId: aze, organisationId: school }, "body.organisationId"],
      [{ role: "evaluator", organisationId: "00000000-0000-4000-8000-000000000000" }, "body.organisationId"],
    ];
    for (const [grant, field] of cases) {
      const reply = await admin.post(`/api/admin/users/${target.userId}/roles`, grant);
      expect([400, 422], JSON.stringify(grant)).toContain(reply.status);
      expect(reply.body.fields[0].field, JSON.stringify(grant)).toBe(field);
    }
    const bad = await admin.post("/api/admin/users", {
      username: "scope.bad",
      displayName: "x",
      temporaryPassword: "temporary-pass-2026",
      roles: [{ role: "participant" }, { role: "organiser" }],
    });
    expect(bad.body.fields[0].field).toBe("body.roles.1.organisationId");
  });

  it("grants and revokes scoped roles, and the new scope takes effect on the next request", async () => {
    const target = await t.signIn({ role: "participant" });
    const school = await t.organisationId("NATO-SCHOOL");
    const granted = await admin.post(`/api/admin/users/${target.userId}/roles`, {
      role: "organiser",
      organisationId: school,
    });
    expect(granted.status).toBe(201);
    const grant = granted.body.roles.find((r: { role: string }) => r.role === "organiser");
    expect(grant).toMatchObject({ organisationCode: "NATO-SCHOOL" });
    expect((await target.get("/api/auth/session")).body.user.grants).toContainEqual({
      role: "organiser",
      nationId: null,
      organisationId: school,
    });
    const duplicate = await admin.post(`/api/admin/users/${target.userId}/roles`, {
      role: "organiser",
      organisationId: school,
    });
    expect(duplicate.status).toBe(409);
    const revoked = await admin.delete(`/api/admin/users/${target.userId}/roles/${grant.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.roles.map((r: { role: string }) => r.role)).toEqual(["participant"]);
    expect((await auditOf(grant.id)).map((a) => a.action)).toEqual(["role.grant", "role.revoke"]);
  });

  it("refuses to remove the administrator's own administrator role, with a clear message", async () => {
    const self = await admin.get(`/api/admin/users/${admin.userId}`);
    const grant = self.body.roles.find((r: { role: string }) => r.role === "administrator");
    const reply = await admin.delete(`/api/admin/users/${admin.userId}/roles/${grant.id}`);
    expect(reply.status).toBe(409);
    expect(reply.body.message).toMatch(/cannot remove your own administrator role/);
    const disable = await admin.patch(`/api/admin/users/${admin.userId}`, { disabled: true });
    expect(disable.status).toBe(400);
    expect(disable.body.fields[0].field).toBe("body.disabled");
  });

  it("lets another administrator remove an administrator role while one remains", async () => {
    const second = await t.signIn({ role: "administrator" });
    const detail = await admin.get(`/api/admin/users/${second.userId}`);
    const grant = detail.body.roles[0];
    const reply = await admin.delete(`/api/admin/users/${second.userId}/roles/${grant.id}`);
    expect(reply.status).toBe(200);
    expect((await second.get("/api/admin/users")).status).toBe(403);
  });

  it("disables an account, ending its sessions, and enables it again", async () => {
    const target = await t.signIn({ role: "participant", username: "to.disable" });
    const disabled = await admin.patch(`/api/admin/users/${target.userId}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, activeSessions: 0 });
    expect((await target.get("/api/auth/session")).body.user).toBeNull();
    await expect(t.login("to.disable")).rejects.toThrow(/401/);
    const enabled = await admin.patch(`/api/admin/users/${target.userId}`, { disabled: false });
    expect(enabled.body.disabled).toBe(false);
    await t.login("to.disable");
    expect((await auditOf(target.userId!)).map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.disable", "user.enable"]),
    );
  });

  it("resets a password to a temporary one and revokes sessions", async () => {
    const target = await t.signIn({ role: "participant", username: "to.reset" });
    const weak = await admin.post(`/api/admin/users/${target.userId}/password`, {
      temporaryPassword: "to.reset-123456",
    });
    expect(weak.body.fields[0].field).toBe("body.temporaryPassword");
    const reset = await admin.post(`/api/admin/users/${target.userId}/password`, {
      temporaryPassword: "fresh-temporary-99",
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mustChangePassword: true, activeSessions: 0 });
    expect((await target.get("/api/auth/session")).body.user).toBeNull();
    await expect(t.login("to.reset", TEST_PASSWORD)).rejects.toThrow(/401/);
    const again = await t.login("to.reset", "fresh-temporary-99");
    expect((await again.get("/api/auth/session")).body.user.mustChangePassword).toBe(true);
    await t.login("to.reset", "fresh-temporary-99");
    const revoked = await admin.post(`/api/admin/users/${target.userId}/revoke-sessions`);
    expect(revoked.body).toEqual({ revoked: 2 });
  });

  it("searches users by name and role, and pages with a total", async () => {
    const page = await admin.get("/api/admin/users?q=to.&status=active&limit=1");
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    const coordinators = await admin.get("/api/admin/users?role=national_coordinator");
    expect(coordinators.body.total).toBeGreaterThan(0);
    for (const user of coordinators.body.items) {
      expect(user.roles.map((r: { role: string }) => r.role)).toContain("national_coordinator");
    }
  });

  it("links an account to a person only once", async () => {
    const person = await t.db.selectFrom("person").select("id").limit(2).execute();
    const first = await t.signIn({ role: "participant" });
    const second = await t.signIn({ role: "participant" });
    expect((await admin.patch(`/api/admin/users/${first.userId}`, { personId: person[0]!.id })).status).toBe(
      200,
    );
    const clash = await admin.patch(`/api/admin/users/${second.userId}`, { personId: person[0]!.id });
    expect(clash.status).toBe(409);
    expect(clash.body.fields[0].field).toBe("body.personId");
  });

  it("lets global auditors read accounts but not change them; others may not list them", async () => {
    const auditor = await t.signIn({ role: "auditor" });
    expect((await auditor.get("/api/admin/users")).status).toBe(200);
    expect((await auditor.post(`/api/admin/users/${admin.userId}/revoke-sessions`)).status).toBe(403);
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    expect((await coordinator.get("/api/admin/users")).status).toBe(403);
    expect((await t.anonymous.get("/api/admin/users")).status).toBe(401);
  });
});

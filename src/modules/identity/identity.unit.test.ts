import { describe, expect, it } from "vitest";
import { checkGrantScope } from "./admin.service.js";
import { safeReturnTo } from "./oidc.js";

describe("return path after single sign-on", () => {
  it("keeps a path on this site and refuses anything that leaves it", () => {
    expect(safeReturnTo("/people?q=x")).toBe("/people?q=x");
    for (const outside of [
      undefined,
      "",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "people",
      "/\t/evil.example/x",
      "/\u0000/evil.example",
      "/%09/evil.example",
      "/%2F/evil.example",
      `/${"a".repeat(600)}`,
    ]) {
      expect(safeReturnTo(outside)).toBe("/");
    }
  });
});

describe("scope of a role grant", () => {
  const nation = "00000000-0000-4000-8000-000000000001";
  const organisation = "00000000-0000-4000-8000-000000000002";
  const fieldOf = (grant: Parameters<typeof checkGrantScope>[0]) => {
    try {
      checkGrantScope(grant);
      return null;
    } catch (error) {
      return (error as { fields: { field: string }[] }).fields[0]?.field;
    }
  };

  it("accepts each role with the scope it takes", () => {
    expect(fieldOf({ role: "administrator" })).toBeNull();
    expect(fieldOf({ role: "participant" })).toBeNull();
    expect(fieldOf({ role: "national_coordinator", nationId: nation })).toBeNull();
    expect(fieldOf({ role: "organiser", organisationId: organisation })).toBeNull();
    expect(fieldOf({ role: "course_director", organisationId: organisation })).toBeNull();
    expect(fieldOf({ role: "evaluator", organisationId: organisation })).toBeNull();
    expect(fieldOf({ role: "auditor" })).toBeNull();
    expect(fieldOf({ role: "auditor", nationId: nation })).toBeNull();
    expect(fieldOf({ role: "auditor", organisationId: organisation })).toBeNull();
  });

  it("names the field of a missing or superfluous scope", () => {
    expect(fieldOf({ role: "national_coordinator" })).toBe("body.nationId");
    expect(fieldOf({ role: "organiser", nationId: nation })).toBe("body.organisationId");
    expect(fieldOf({ role: "evaluator", organisationId: organisation, nationId: nation })).toBe(
      "body.nationId",
    );
    expect(fieldOf({ role: "administrator", organisationId: organisation })).toBe("body.organisationId");
    expect(fieldOf({ role: "auditor", nationId: nation, organisationId: organisation })).toBe(
      "body.organisationId",
    );
  });
});

import { describe, expect, it } from "vitest";
import { badText, findBadText } from "./text-check.js";

describe("text a request may carry", () => {
  it("refuses NUL, the other C0 controls and DEL, and accepts tab, line feed and carriage return", () => {
    expect(badText("a\u0000b")).toBe("must not contain the control character U+0000");
    expect(badText("\u001b[31m")).toBe("must not contain the control character U+001B");
    expect(badText("x\u007f")).toBe("must not contain the control character U+007F");
    expect(badText("one\ttwo\r\nthree\n")).toBeUndefined();
  });

  it("refuses lone surrogates and accepts pairs", () => {
    expect(badText("\ud800")).toMatch(/lone surrogate/);
    expect(badText("a\udfffb")).toMatch(/lone surrogate/);
    expect(badText("\udc00\ud800")).toMatch(/lone surrogate/);
    expect(badText("👩🏽‍✈️🇦🇿 Azərbaycan")).toBeUndefined();
  });

  it("finds the first bad string at any depth, in values and in names, as a JSON pointer", () => {
    expect(findBadText({ a: [{ b: "ok" }, { b: "x\u0000" }] })).toEqual({
      instancePath: "/a/1/b",
      message: "must not contain the control character U+0000",
    });
    expect(findBadText({ "x/y\u0001": 1 })?.instancePath).toBe("/x~1y\u0001");
    expect(findBadText({ a: 1, b: [true, null, "fine"] })).toBeUndefined();
    expect(findBadText("\u0002")?.instancePath).toBe("");
  });

  it("walks a body nested deeper than the call stack allows", () => {
    let deep: unknown = "bottom\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadText(deep)?.instancePath.length).toBe(200_000);
  });
});

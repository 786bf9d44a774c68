import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readArchive, writeArchive } from "./package.archive.js";

const members = [
  { name: "manifest.json", data: Buffer.from('{"a":1}\n') },
  { name: "person.jsonl", data: Buffer.from(`${"x".repeat(511)}\nÄzərbaycan\n`) },
  { name: "empty.jsonl", data: Buffer.alloc(0) },
];

describe("package archive", () => {
  it("reads back exactly the members it wrote", () => {
    const read = readArchive(writeArchive(members, new Date("2026-12-05T00:00:00Z")));
    expect([...read].map(([name, data]) => [name, data.toString("utf8")])).toEqual(
      members.map((m) => [m.name, m.data.toString("utf8")]),
    );
  });

  it("refuses a damaged header, a truncated archive, a hostile name and what is not gzip", () => {
    const tar = gunzipSync(writeArchive(members, new Date()));
    const damaged = Buffer.from(tar);
    damaged[130] = damaged[130] === 0x31 ? 0x32 : 0x31; // a digit of the first member's size
    expect(() => readArchive(gzipSync(damaged))).toThrow("a member header at byte 0 is damaged");
    expect(() => readArchive(gzipSync(tar.subarray(0, 1024)))).toThrow(/truncated|no end/);
    const hostile = Buffer.from(tar);
    hostile.write("../etc/passwd\0", 0, "ascii");
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : hostile[i]!;
    hostile.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
    expect(() => readArchive(gzipSync(hostile))).toThrow('unexpected member "../etc/passwd"');
    expect(() => readArchive(Buffer.from("plain text"))).toThrow(/not a gzip'd package archive/);
  });
});

import { describe, expect, it } from "vitest";
import { SearchCache } from "./search-cache.js";

const entry = (generation: string) => ({ generation, items: [generation], total: 1, facets: undefined });

describe("search cache", () => {
  it("evicts the least recently used entry beyond its capacity", () => {
    const cache = new SearchCache<string, never>(2);
    cache.set("a", entry("1"));
    cache.set("b", entry("2"));
    expect(cache.get("a")?.generation).toBe("1");
    cache.set("c", entry("3"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.generation).toBe("1");
    expect(cache.get("c")?.generation).toBe("3");
    expect(cache.size).toBe(2);
  });

  it("replaces an entry under the same key and forgets a deleted one", () => {
    const cache = new SearchCache<string, never>(2);
    cache.set("a", entry("1"));
    cache.set("a", entry("2"));
    expect(cache.size).toBe(1);
    expect(cache.get("a")?.generation).toBe("2");
    cache.delete("a");
    expect(cache.get("a")).toBeUndefined();
  });
});

/**
 * The heavy part of a catalogue search (the page's rows but their free seats, the total, the facets) kept per
 * process and reused while the catalogue generation (0012_catalogue_generation) is unchanged. Nothing here is
 * authoritative: an entry is only served after PostgreSQL confirms, in the statement that reads the page's free
 * seats, that no activity, event, area, organisation or nation changed since it was computed. So several instances stay
 * consistent, and a lost process loses nothing but warm entries.
 */

export interface CachedSearch<I, F> {
  generation: string;
  items: I[];
  total: number;
  facets: F | undefined;
}

export class SearchCache<I, F> {
  private readonly entries = new Map<string, CachedSearch<I, F>>();

  constructor(private readonly capacity: number) {}

  get(key: string): CachedSearch<I, F> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserting keeps the Map in least-recently-used order: the first key is the next to evict.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedSearch<I, F>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }
}

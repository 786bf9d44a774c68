/** One printed line of `npm run bench`: the API's figures and, where measured, the raw-SQL floor's. */
export interface BenchRow {
  name: string;
  concurrency: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  rawP50?: number;
  rawRps?: number;
  note?: string;
}

/** What a bench module exports: figures under their keys, each with its peer or limit. */
export interface Figure {
  key: string; // e.g. 'start.interactive_ms' — the key in bench-results.json
  value: number;
  unit: string; // 'ms' | 'MB' | 'x'
  /** The peer or limit beside it: "目標 ≤ 16 ms", "pandoc 1234 ms (0.52x)". */
  compare?: string;
}

export interface BenchModule {
  title: string;
  run(): Promise<Figure[]>;
}

/** The p-th percentile (nearest rank) of some timings. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

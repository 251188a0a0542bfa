export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The result of `work` and how long it took, in ms. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/**
 * Times two calls alternately (a, b, a, b, …) so the machine's load, which moves by the second on a
 * shared box, weighs on both alike: `warmup` untimed rounds, then `runs` timed ones. Returns their
 * samples in ms.
 */
export async function timePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  rounds: { warmup: number; runs: number },
): Promise<[number[], number[]]> {
  for (let i = 0; i < rounds.warmup; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds.runs; i++) {
    for (const [k, work] of [a, b].entries()) {
      const started = performance.now();
      await work();
      samples[k]?.push(performance.now() - started);
    }
  }
  return samples;
}

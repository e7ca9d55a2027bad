/**
 * Pure figures of the server benchmarks: percentiles of round times, the rounds a window of time
 * touched, and what a disturbance (a flood, a hostile body) added to them.
 */

/** A round of a simulated device, in milliseconds since the epoch (comparable across processes). */
export type RoundTime = {
  start: number;
  end: number;
  /** The round had not finished when the run stopped waiting: `end` is when it gave up. */
  unfinished?: boolean;
};

/** Nearest-rank percentile of values sorted ascending (p in 0–100); NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type LatencySummary = {
  count: number;
  /** Rounds still running when the run stopped waiting (counted at the time waited: a floor). */
  unfinished: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p99 ÷ p50. */
  ratio: number;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

export function summarize(rounds: readonly RoundTime[]): LatencySummary {
  const durations = rounds.map((round) => round.end - round.start).sort((a, b) => a - b);
  const p50 = percentile(durations, 50);
  const p99 = percentile(durations, 99);
  return {
    count: durations.length,
    unfinished: rounds.filter((round) => round.unfinished).length,
    p50Ms: round1(p50),
    p99Ms: round1(p99),
    maxMs: round1(durations.at(-1) ?? Number.NaN),
    ratio: Math.round((p99 / p50) * 100) / 100,
  };
}

/** Rounds that started in [from, to): a phase's rounds, however long they then took. */
export function startedWithin(rounds: readonly RoundTime[], from: number, to: number) {
  return rounds.filter((round) => round.start >= from && round.start < to);
}

/** Rounds that were running at some moment of [from, to]. */
export function overlapping(rounds: readonly RoundTime[], from: number, to: number) {
  return rounds.filter((round) => round.start <= to && round.end >= from);
}

/**
 * What a disturbance of [from, to] cost the rounds running during it: their median and their
 * highest time less the median and p99 of a reference set of rounds (the same devices just
 * before). Zero when they were no slower.
 */
export function extraLatency(
  reference: readonly RoundTime[],
  rounds: readonly RoundTime[],
  from: number,
  to: number,
): { rounds: number; extraMedianMs: number; extraMaxMs: number } {
  const hit = overlapping(rounds, from, to);
  const base = summarize(reference);
  const during = summarize(hit);
  return {
    rounds: hit.length,
    extraMedianMs: hit.length === 0 ? 0 : round1(Math.max(0, during.p50Ms - base.p50Ms)),
    extraMaxMs: hit.length === 0 ? 0 : round1(Math.max(0, during.maxMs - base.p99Ms)),
  };
}

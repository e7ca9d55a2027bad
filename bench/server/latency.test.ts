import { describe, expect, it } from 'vitest';
import { extraLatency, overlapping, percentile, startedWithin, summarize } from './latency';

const round = (start: number, ms: number) => ({ start, end: start + ms });

describe('round figures of the server benchmarks', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sums rounds up as p50, p99, max and their ratio', () => {
    const rounds = [
      ...Array.from({ length: 98 }, (_, index) => round(index * 1_000, 100)),
      round(200_000, 600),
      { ...round(300_000, 900), unfinished: true },
    ];
    expect(summarize(rounds)).toEqual({
      count: 100,
      unfinished: 1,
      p50Ms: 100,
      p99Ms: 600,
      maxMs: 900,
      ratio: 6,
    });
  });

  it('puts a round in the phase it started in, and in every window it overlapped', () => {
    const rounds = [round(0, 50), round(90, 30), round(100, 500), round(700, 10)];
    expect(startedWithin(rounds, 100, 700)).toEqual([round(100, 500)]);
    expect(overlapping(rounds, 100, 200)).toEqual([round(90, 30), round(100, 500)]);
  });

  it('tells what a disturbance added to the rounds running during it', () => {
    const reference = Array.from({ length: 100 }, (_, index) => round(index * 100, 100));
    const slowed = [
      round(20_000, 400),
      round(20_050, 300),
      round(20_100, 2_100),
      round(30_000, 90),
    ];
    expect(extraLatency(reference, slowed, 20_300, 20_400)).toEqual({
      rounds: 3,
      extraMedianMs: 300,
      extraMaxMs: 2_000,
    });
    expect(extraLatency(reference, [round(0, 50)], 20_300, 20_400)).toEqual({
      rounds: 0,
      extraMedianMs: 0,
      extraMaxMs: 0,
    });
  });
});

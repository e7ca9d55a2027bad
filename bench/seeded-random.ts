/**
 * A small seeded pseudo-random generator for the bench dataset: sfc32 (Chris Doty-Humphrey's
 * "small fast counter", 128-bit state, passes PractRand), seeded through splitmix32.
 *
 * Written here rather than taken from npm on purpose: the dataset's identity is "this seed gives
 * these bytes", so the sequence must never change under us with a library upgrade, and it must
 * give the same numbers under Node and in Chromium. It uses only 32-bit integer arithmetic
 * (Math.imul, >>>) and exact divisions by 2^32, never Math.random, Date.now or transcendental
 * functions whose last bit could differ between engines.
 */
export type SeededRandom = {
  /** The next unsigned 32-bit integer. */
  uint32(): number;
  /** A float in [0, 1). */
  float(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** A version-4-shaped UUID made of generator bytes (deterministic, unlike crypto.randomUUID). */
  uuid(): string;
};

const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return (
    (hex[word >>> 24] as string) +
    (hex[(word >>> 16) & 0xff] as string) +
    (hex[(word >>> 8) & 0xff] as string) +
    (hex[word & 0xff] as string)
  );
}

export function seededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  // splitmix32 spreads any seed (0, 1, 2…) over the whole state.
  let mix = (seed ^ Math.floor(seed / 0x1_0000_0000)) >>> 0;
  const splitmix = () => {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;

  const uint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up: the first outputs of a fresh sfc32 state are still correlated with the seed.
  for (let i = 0; i < 12; i++) uint32();

  const float = () => uint32() / 0x1_0000_0000;
  const int = (min: number, max: number) => {
    if (max < min) throw new Error(`empty range [${min}, ${max}]`);
    return min + Math.floor(float() * (max - min + 1));
  };

  return {
    uint32,
    float,
    int,
    chance: (p) => float() < p,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(float() * list.length)] as T;
    },
    uuid: () => {
      const w0 = uint32();
      const w1 = ((uint32() & 0xffff0fff) | 0x00004000) >>> 0; // version 4
      const w2 = ((uint32() & 0x3fffffff) | 0x80000000) >>> 0; // variant 10xx
      const w3 = uint32();
      const h1 = hex32(w1);
      const h2 = hex32(w2);
      return `${hex32(w0)}-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${hex32(w3)}`;
    },
  };
}

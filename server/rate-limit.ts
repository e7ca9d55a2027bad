/**
 * Token buckets by key (a device, or an address for joins and failed sign-ins): `burst`
 * requests at once, refilled at `perMinute`. A refused request learns how long to wait. Buckets
 * left full are dropped, so memory follows the devices active in the last minutes.
 */
export type RateLimit = { burst: number; perMinute: number };

export function createRateLimiter(limit: RateLimit, now: () => number = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMilli = limit.perMinute / 60_000;
  let lastSweep = now();

  function sweep(time: number) {
    if (time - lastSweep < 60_000) return;
    lastSweep = time;
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (time - bucket.at) * perMilli >= limit.burst) buckets.delete(key);
    }
  }

  return {
    /**
     * Takes `cost` tokens (one request, or a request's writes or bytes): 0 when allowed,
     * otherwise the seconds to wait. A request costing more than is left still passes while the
     * bucket holds a token, and leaves it in debt: what follows waits until it is paid off, so a
     * device's throughput is the limit however it sizes its requests.
     */
    take(key: string, cost = 1): number {
      const time = now();
      sweep(time);
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: time };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + (time - bucket.at) * perMilli);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= cost;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMilli / 1000));
    },
  };
}

import { needsPerson, ServerSyncError, type RoundResult, type SyncFailure } from './server-sync';

/** What the app's frame shows of the server sync (kept in IndexedDB, so every window sees it). */
export type ServerSyncStatus = {
  state: 'syncing' | 'synced' | 'offline' | 'error';
  lastSyncedAt: string | null;
  error: SyncFailure | null;
  /** While writes are fetched: how many have arrived, of how many (null when not known). */
  progress: { done: number; total: number | null } | null;
  nextAttemptAt: string | null;
};

export type Trigger = 'start' | 'change' | 'periodic' | 'online' | 'manual';

export type SchedulerOptions = {
  round: (onProgress: (done: number, total: number | null) => void) => Promise<RoundResult>;
  /** Saves the status; called on every change of state and for progress. */
  report: (status: ServerSyncStatus) => void | Promise<void>;
  initial?: ServerSyncStatus | null;
  now?: () => number;
  random?: () => number;
  setTimer?: (run: () => void, millis: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** After a local change, wait this long for more before a round. */
  debounceMillis?: number;
  /** A round this often while nothing happens: colleagues' changes arrive without asking. */
  periodMillis?: number;
  /** Backoff after failures: first delay, doubling up to max, ±20%. */
  firstRetryMillis?: number;
  maxRetryMillis?: number;
};

/**
 * When rounds run: at start, shortly after local changes (debounced), periodically, when the
 * network returns, and on request; never two at once (a trigger during a round runs one more
 * after it). A failed round is retried with exponential backoff and jitter, or after the
 * server's Retry-After; failures a person must fix (a revoked device, a missing passphrase)
 * wait for them. Pure: timers, clock and randomness are injected, so tests drive it.
 */
export function createSyncScheduler(options: SchedulerOptions) {
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((run, millis) => setTimeout(run, millis));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const debounceMillis = options.debounceMillis ?? 1_500;
  const periodMillis = options.periodMillis ?? 30_000;
  const firstRetryMillis = options.firstRetryMillis ?? 2_000;
  const maxRetryMillis = options.maxRetryMillis ?? 120_000;

  let status: ServerSyncStatus = options.initial ?? {
    state: 'syncing',
    lastSyncedAt: null,
    error: null,
    progress: null,
    nextAttemptAt: null,
  };
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let failures = 0;
  let waitingForPerson = false;
  let timer: unknown = null;
  let timerAt = Infinity;
  let timerForChange = false;
  /** The first of a burst of local changes not yet sent: a burst waits at most 10 s. */
  let changesSince: number | null = null;

  const report = (patch: Partial<ServerSyncStatus>) => {
    status = { ...status, ...patch };
    void options.report(status);
  };

  function schedule(millis: number, forChange = false) {
    const at = now() + millis;
    // A sooner round already planned stays, unless it is the debounce this one moves on.
    if (timer !== null && timerAt <= at && !(forChange && timerForChange)) return;
    if (timer !== null) clearTimer(timer);
    timerAt = at;
    timerForChange = forChange;
    timer = setTimer(() => {
      timer = null;
      timerAt = Infinity;
      start();
    }, millis);
  }

  function retryDelay(failure: SyncFailure): number {
    if (failure.code === 'rateLimited') return failure.retryAfter * 1_000;
    const base = Math.min(maxRetryMillis, firstRetryMillis * 2 ** Math.max(0, failures - 1));
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  function start() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
      timerAt = Infinity;
    }
    changesSince = null;
    running = (async () => {
      report({ state: 'syncing', progress: null, nextAttemptAt: null });
      try {
        await options.round((done, total) => report({ progress: { done, total } }));
        failures = 0;
        waitingForPerson = false;
        report({
          state: 'synced',
          lastSyncedAt: new Date(now()).toISOString(),
          error: null,
          progress: null,
          nextAttemptAt: new Date(now() + periodMillis).toISOString(),
        });
        schedule(periodMillis);
      } catch (error) {
        failures += 1;
        const failure: SyncFailure =
          error instanceof ServerSyncError
            ? error.failure
            : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
        waitingForPerson = needsPerson(failure);
        const delay = waitingForPerson ? null : retryDelay(failure);
        report({
          state: failure.code === 'offline' ? 'offline' : 'error',
          error: failure,
          progress: null,
          nextAttemptAt: delay === null ? null : new Date(now() + delay).toISOString(),
        });
        if (delay !== null) schedule(delay);
      } finally {
        running = null;
        if (again && !stopped) {
          again = false;
          start();
        }
      }
    })();
  }

  return {
    trigger(reason: Trigger) {
      if (stopped) return;
      // What a person must fix is not retried by itself; asking again or a new start is.
      if (
        waitingForPerson &&
        (reason === 'change' || reason === 'periodic' || reason === 'online')
      ) {
        return;
      }
      if (reason === 'change') {
        changesSince ??= now();
        schedule(Math.max(0, Math.min(debounceMillis, changesSince + 10_000 - now())), true);
      } else start();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    /** The round now running, if any (tests wait for it). */
    idle: () => running ?? Promise.resolve(),
    status: () => status,
  };
}

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;

import {
  formatTimestamp,
  isNodeId,
  maxCounter,
  maxTimestampMillis,
  parseTimestamp,
  type Timestamp,
} from './timestamp';

/**
 * A device's hybrid logical clock (Kulkarni et al., as in Actual Budget): wall-clock millis plus a
 * counter, so timestamps follow real time where clocks agree and still order causally where they
 * do not. It is an instance, not a module global, so several replicas can live in one process.
 */

/** What the device persists between sessions (with its node id). */
export type ClockState = { millis: number; counter: number };

/** A remote device's clock this far ahead of ours is refused: it would win every later edit. */
export const maxClockDriftMillis = 24 * 60 * 60 * 1000;

/**
 * Stamps further ahead of this machine's clock than this are shown with the device that made
 * them and applied only once the user confirms (`aheadStamps`): a wrong clock wins every later
 * edit of the cells it writes. Up to `maxClockDriftMillis`; beyond that they are refused.
 */
export const aheadConfirmMillis = 60 * 60 * 1000;

/** Stamps of one device more than `aheadConfirmMillis` ahead of this machine's clock. */
export type AheadStamps = {
  node: string;
  /** Its newest stamp, and how far that is ahead of this machine's clock. */
  newest: Timestamp;
  aheadMillis: number;
  /** How many of the batch's writes are that far ahead. */
  writes: number;
};

/**
 * The devices whose stamps in `timestamps` are more than `aheadConfirmMillis` ahead of
 * `wallMillis`, leaving out those up to `accepted` (what the user already confirmed): the
 * newest first. Empty when nothing needs confirming.
 */
export function aheadStamps(
  timestamps: Iterable<Timestamp>,
  wallMillis: number,
  accepted?: Timestamp,
): AheadStamps[] {
  const byNode = new Map<string, AheadStamps>();
  for (const ts of timestamps) {
    if (accepted !== undefined && ts <= accepted) continue;
    const { millis, node } = parseTimestamp(ts);
    const aheadMillis = millis - wallMillis;
    if (aheadMillis <= aheadConfirmMillis) continue;
    const known = byNode.get(node);
    if (!known) byNode.set(node, { node, newest: ts, aheadMillis, writes: 1 });
    else {
      known.writes += 1;
      if (ts > known.newest) Object.assign(known, { newest: ts, aheadMillis });
    }
  }
  return [...byNode.values()].sort((a, b) => b.aheadMillis - a.aheadMillis);
}

/** A batch holds stamps the user has not confirmed (see `aheadStamps`): nothing was applied. */
export class AheadStampsError extends Error {
  override readonly name = 'AheadStampsError';
  readonly ahead: AheadStamps[];

  constructor(ahead: AheadStamps[]) {
    super(`Stamps of ${ahead.length} device(s) are over an hour ahead of this machine's clock`);
    this.ahead = ahead;
  }
}

/** A remote timestamp too far ahead: the device (node id) and its time, for the user's message. */
export type ClockDrift = {
  node: string;
  remoteMillis: number;
  wallMillis: number;
  aheadMillis: number;
};

/**
 * Refuses a batch whose highest timestamp is more than `maxClockDriftMillis` ahead of this
 * machine's wall clock. Checked before anything is applied, so the caller applies nothing then.
 */
export function checkDrift(ts: Timestamp, wallMillis: number): ClockDrift | null {
  const { millis, node } = parseTimestamp(ts);
  const aheadMillis = millis - wallMillis;
  return aheadMillis > maxClockDriftMillis
    ? { node, remoteMillis: millis, wallMillis, aheadMillis }
    : null;
}

export class ClockDriftError extends Error {
  override readonly name = 'ClockDriftError';
  readonly drift: ClockDrift;

  constructor(drift: ClockDrift) {
    super(
      `Clock of device ${drift.node} is ${Math.round(drift.aheadMillis / 60_000)} min ahead of this machine`,
    );
    this.drift = drift;
  }
}

export class HybridLogicalClock {
  readonly node: string;
  readonly #wallClock: () => number;
  #millis: number;
  #counter: number;

  constructor(node: string, wallClock: () => number = () => Date.now(), state?: ClockState) {
    if (!isNodeId(node)) throw new RangeError(`Not a node id: ${JSON.stringify(node)}`);
    const millis = state?.millis ?? 0;
    const counter = state?.counter ?? 0;
    if (!Number.isSafeInteger(millis) || millis < 0 || millis > maxTimestampMillis) {
      throw new RangeError(`Clock state time out of range: ${millis}`);
    }
    if (!Number.isInteger(counter) || counter < 0 || counter > maxCounter) {
      throw new RangeError(`Clock state counter out of range: ${counter}`);
    }
    this.node = node;
    this.#wallClock = wallClock;
    this.#millis = millis;
    this.#counter = counter;
  }

  /**
   * The timestamp of one local write transaction: every field written in it shares this value.
   * Never earlier than any timestamp this clock issued or observed, even if the wall clock went back.
   */
  tick(): Timestamp {
    const wall = this.#readWallClock();
    if (wall > this.#millis) this.#set(wall, 0);
    else this.#set(this.#millis, this.#counter + 1);
    return formatTimestamp({ millis: this.#millis, counter: this.#counter, node: this.node });
  }

  /**
   * Moves the clock past a received batch (call once per batch with its highest timestamp, before
   * any local write can see the batch's values), so every later local write is newer than what this
   * device has seen. Throws `ClockDriftError`, changing nothing, when the batch is too far ahead;
   * callers check `checkDrift` first and refuse the batch.
   */
  observe(remote: Timestamp): void {
    const wall = this.#readWallClock();
    const drift = checkDrift(remote, wall);
    if (drift) throw new ClockDriftError(drift);
    const { millis: remoteMillis, counter: remoteCounter } = parseTimestamp(remote);
    const millis = Math.max(this.#millis, wall, remoteMillis);
    const counter =
      millis === this.#millis && millis === remoteMillis
        ? Math.max(this.#counter, remoteCounter) + 1
        : millis === this.#millis
          ? this.#counter + 1
          : millis === remoteMillis
            ? remoteCounter + 1
            : 0;
    this.#set(millis, counter);
  }

  state(): ClockState {
    return { millis: this.#millis, counter: this.#counter };
  }

  #readWallClock(): number {
    const wall = Math.floor(this.#wallClock());
    if (!Number.isSafeInteger(wall)) throw new RangeError(`Wall clock returned ${wall}`);
    return wall;
  }

  /**
   * A counter past 0xFFFF does not fit the timestamp. Actual Budget throws then, which aborts a
   * sync halfway through a large batch; instead the logical time moves on by one millisecond and
   * the counter restarts. Order is kept (the new timestamp is still the greatest), and the clock
   * runs at most 1 ms ahead of the wall clock per 65,536 writes within one millisecond.
   */
  #set(millis: number, counter: number): void {
    if (counter > maxCounter) {
      this.#millis = millis + 1;
      this.#counter = 0;
    } else {
      this.#millis = millis;
      this.#counter = counter;
    }
  }
}

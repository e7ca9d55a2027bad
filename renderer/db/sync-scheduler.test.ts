import { describe, expect, it } from 'vitest';
import { ServerSyncError, type RoundResult } from './server-sync';
import { createSyncScheduler, type ServerSyncStatus } from './sync-scheduler';

/** A scheduler on a fake clock: timers fire when the test moves time on. */
function harness(rounds: (() => Promise<RoundResult>)[]) {
  let time = Date.UTC(2026, 10, 30, 9);
  const timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const statuses: ServerSyncStatus[] = [];
  let calls = 0;
  const ok: RoundResult = { sent: 0, received: 0, setAside: 0, refused: 0, passes: 1, requests: 1 };
  const scheduler = createSyncScheduler({
    round: () => {
      const round = rounds[calls] ?? (() => Promise.resolve(ok));
      calls += 1;
      return round();
    },
    report: (status) => void statuses.push(status),
    now: () => time,
    random: () => 0.5,
    setTimer: (run, millis) => {
      const timer = { at: time + millis, run, id: (nextId += 1) };
      timers.push(timer);
      return timer.id;
    },
    clearTimer: (id) => {
      const index = timers.findIndex((timer) => timer.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
  });
  return {
    scheduler,
    statuses,
    calls: () => calls,
    last: () => statuses.at(-1)!,
    /** Moves the clock on, firing due timers in order. */
    async advance(millis: number) {
      const end = time + millis;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > end) break;
        timers.shift();
        time = due.at;
        due.run();
        await scheduler.idle();
      }
      time = end;
    },
    pending: () => timers.map((timer) => timer.at - time),
  };
}

const fail = (code: 'unreachable' | 'offline' | 'revoked') => () =>
  Promise.reject(new ServerSyncError({ code }));

describe('the sync scheduler', () => {
  it('rounds at start, then periodically', async () => {
    const h = harness([]);
    h.scheduler.trigger('start');
    await h.scheduler.idle();
    expect(h.calls()).toBe(1);
    expect(h.last()).toMatchObject({ state: 'synced', error: null });
    await h.advance(30_000);
    expect(h.calls()).toBe(2);
  });

  it('waits for a pause in local changes, then rounds once', async () => {
    const h = harness([]);
    h.scheduler.trigger('start');
    await h.scheduler.idle();
    for (let index = 0; index < 5; index += 1) {
      h.scheduler.trigger('change');
      await h.advance(500);
    }
    expect(h.calls()).toBe(1);
    await h.advance(1_500);
    expect(h.calls()).toBe(2);
  });

  it('backs off exponentially while the server cannot be reached, and recovers by itself', async () => {
    const h = harness([fail('unreachable'), fail('unreachable'), fail('unreachable')]);
    h.scheduler.trigger('start');
    await h.scheduler.idle();
    expect(h.last()).toMatchObject({ state: 'error', error: { code: 'unreachable' } });
    expect(h.pending()).toEqual([2_000]);
    await h.advance(2_000);
    expect(h.pending()).toEqual([4_000]);
    await h.advance(4_000);
    expect(h.pending()).toEqual([8_000]);
    await h.advance(8_000);
    expect(h.calls()).toBe(4);
    expect(h.last()).toMatchObject({ state: 'synced', error: null });
  });

  it('says offline, and rounds at once when the network returns', async () => {
    const h = harness([fail('offline')]);
    h.scheduler.trigger('start');
    await h.scheduler.idle();
    expect(h.last().state).toBe('offline');
    h.scheduler.trigger('online');
    await h.scheduler.idle();
    expect(h.last().state).toBe('synced');
  });

  it('waits for a person when revoked, until asked again', async () => {
    const h = harness([fail('revoked')]);
    h.scheduler.trigger('start');
    await h.scheduler.idle();
    expect(h.last()).toMatchObject({
      state: 'error',
      error: { code: 'revoked' },
      nextAttemptAt: null,
    });
    expect(h.pending()).toEqual([]);
    h.scheduler.trigger('change');
    h.scheduler.trigger('online');
    await h.advance(600_000);
    expect(h.calls()).toBe(1);
    h.scheduler.trigger('manual');
    await h.scheduler.idle();
    expect(h.calls()).toBe(2);
  });

  it('never runs two rounds at once: a trigger during a round runs one more after it', async () => {
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<RoundResult>((resolve) => {
        release = () =>
          resolve({ sent: 0, received: 0, setAside: 0, refused: 0, passes: 1, requests: 1 });
      });
    const h = harness([slow]);
    h.scheduler.trigger('start');
    h.scheduler.trigger('manual');
    h.scheduler.trigger('manual');
    expect(h.calls()).toBe(1);
    release();
    await h.scheduler.idle();
    await h.scheduler.idle();
    expect(h.calls()).toBe(2);
  });

  it('reports fill progress while a round fetches', async () => {
    const h = harness([]);
    const scheduler = createSyncScheduler({
      round: (progress) => {
        progress(10, 30);
        progress(30, 30);
        return Promise.resolve({
          sent: 0,
          received: 30,
          setAside: 0,
          refused: 0,
          passes: 1,
          requests: 3,
        });
      },
      report: (status) => void h.statuses.push(status),
    });
    scheduler.trigger('start');
    await scheduler.idle();
    scheduler.stop();
    expect(h.statuses.map((status) => status.progress)).toContainEqual({ done: 10, total: 30 });
    expect(h.statuses.at(-1)).toMatchObject({ state: 'synced', progress: null });
  });
});

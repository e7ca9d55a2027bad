import { Dexie } from 'dexie';
import type { TableRecords } from '../../shared/domain/records';
import { DaibanDatabase } from '../../renderer/db/database';
import type { BenchOptions, StepResult } from './bench-api';

/** What the steps of one run share: the options, the dataset, and what earlier steps left. */
export type BenchContext = {
  readonly options: BenchOptions;
  /** The city dataset: the 'generate' step makes it, later steps read it. */
  dataset: TableRecords | null;
  /** Values a step leaves for later ones (e.g. the peer's export file), by name. */
  readonly kept: Map<string, unknown>;
  /** Set by a step that leaves a document to print: clears it once the runner has printed. */
  afterPrint?: () => void;
};

/**
 * One measurement. `run` does its own set-up (fresh database, inputs) outside the timed part and
 * returns what the timed part took. The runner calls the registered steps in order, sampling the
 * page's JS heap while each runs.
 */
export type BenchStep = {
  /** kebab-case, unique: what `--steps` and `compareTo` name. */
  name: string;
  /** One line for the printed table. */
  title: string;
  run(context: BenchContext): Promise<StepResult>;
  /**
   * Set-up in the runner's page, for a step that then runs in a page of its own (StepInfo's
   * `freshPage`), where `context` has no dataset.
   */
  prepare?(context: BenchContext): Promise<void>;
};

export function requireDataset(context: BenchContext): TableRecords {
  if (!context.dataset) throw new Error('no dataset yet: the generate step must run first');
  return context.dataset;
}

export function requireKept<T>(context: BenchContext, key: string, step: string): T {
  if (!context.kept.has(key)) throw new Error(`nothing kept under ${key}: run ${step} first`);
  return context.kept.get(key) as T;
}

/** Runs fn and says how long it took in seconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** The app's own database schema under a bench name, emptied first: no leftovers from a run. */
export async function freshDatabase(name: string): Promise<DaibanDatabase> {
  await Dexie.delete(name);
  const db = new DaibanDatabase(name);
  await db.open();
  return db;
}

/**
 * What the bench page offers its runner (bench/run.ts), as `window.daibanBench`. Only plain JSON
 * crosses between them: the dataset is generated inside the page, never sent over CDP.
 */

/** What one step measured. */
export type StepResult = {
  /** The time the step measures (not its set-up), in seconds. */
  seconds: number;
  /** Rows the timed part handled: the runner prints rows/s. */
  rows?: number;
  /** Size of what the step produced (a file, a JSON text), in bytes. */
  bytes?: number;
  /** An earlier step this one is held against: the runner prints seconds ÷ that step's seconds. */
  compareTo?: string;
  /** Anything else worth keeping in the results file: counts, checksums, options used. */
  details?: Record<string, string | number | boolean>;
  /**
   * The step left a document on the page to print: the runner times CDP Page.printToPDF of it
   * (A4 from the page's CSS, as the desktop's printToPDF), adds that to `seconds`, reports the
   * PDF's size and pages, then calls `afterPrint`. A page cannot make a PDF of itself.
   */
  printToPdf?: boolean;
};

export type StepInfo = {
  name: string;
  title: string;
  /**
   * Runs in a page of its own, opened for it after `prepare` ran in the runner's page: a window
   * opening on a database, whose heap holds only what the app would (the runner's page holds the
   * whole city dataset, which every garbage collection there has to walk).
   */
  freshPage?: boolean;
};

export type BenchOptions = {
  seed: number;
  scale: number;
  /** The sync server the runner started for the server steps, and join codes of its team. */
  syncServer?: { url: string; codes: string[] };
};

export type BenchApi = {
  /** The registered steps, in the order they run. */
  steps(): StepInfo[];
  /** Sets the dataset's seed and scale and forgets what earlier steps left. */
  configure(options: BenchOptions): void;
  run(name: string): Promise<StepResult>;
  /** A fresh-page step's set-up, in the runner's page (which has the dataset). */
  prepare(name: string): Promise<void>;
  /** Clears what a step left to print (see StepResult.printToPdf). */
  afterPrint(): void;
};

export const benchApiName = 'daibanBench';

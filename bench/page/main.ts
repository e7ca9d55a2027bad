import { benchApiName, type BenchApi, type BenchOptions } from './bench-api';
import type { BenchContext } from './step-registry';
import { benchSteps } from './steps';

/** The bench page: exposes the registered steps to the runner as window.daibanBench. */

const names = new Set<string>();
for (const step of benchSteps) {
  if (names.has(step.name)) throw new Error(`two bench steps named ${step.name}`);
  names.add(step.name);
}

let context: BenchContext = { options: { seed: 1, scale: 1 }, dataset: null, kept: new Map() };

function stepNamed(name: string) {
  const step = benchSteps.find((candidate) => candidate.name === name);
  if (!step) throw new Error(`no bench step named ${name}`);
  return step;
}

const api: BenchApi = {
  steps: () =>
    benchSteps.map((step) => ({
      name: step.name,
      title: step.title,
      freshPage: step.prepare !== undefined,
    })),
  configure(options: BenchOptions) {
    context = { options: { ...options }, dataset: null, kept: new Map() };
  },
  async run(name: string) {
    return stepNamed(name).run(context);
  },
  async prepare(name: string) {
    await stepNamed(name).prepare?.(context);
  },
  afterPrint() {
    context.afterPrint?.();
    context.afterPrint = undefined;
  },
};

Object.assign(window, { [benchApiName]: api });
document.title = `${document.title} — ready`;

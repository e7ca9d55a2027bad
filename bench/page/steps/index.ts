import type { BenchStep } from '../step-registry';
import { generateStep, jsonDumpStep, validateSampleStep } from './dataset-steps';
import { peerExportStep, peerImportStep, rawBulkPutStep } from './dexie-steps';

/**
 * Every step of a bench run, in the order the runner calls them. A later step may read what an
 * earlier one left (the dataset, a file) and name one to be compared with (`compareTo`).
 *
 * The sync engine's steps go between peer-import and the end, e.g. our-export (compareTo
 * json-dump for the size), our-first-import (compareTo raw-bulk-put, target ≤ 2×), re-import
 * (compareTo our-first-import, target ≤ 0.1×) and incremental-100 (target ≤ 1 s): see README.md.
 */
export const benchSteps: readonly BenchStep[] = [
  generateStep,
  validateSampleStep,
  jsonDumpStep,
  rawBulkPutStep,
  peerExportStep,
  peerImportStep,
];

import type { BenchStep } from '../step-registry';
import { generateStep, jsonDumpStep, validateSampleStep } from './dataset-steps';
import { peerExportStep, peerImportStep, rawBulkPutStep } from './dexie-steps';
import { ledgerExportStep, ledgerImportStep } from './ledger-steps';
import { summaryPdfStep } from './print-steps';
import { boardRenderStep, workbenchRenderStep, workbenchTeamRenderStep } from './dashboard-steps';
import {
  citySyncFileStep,
  incrementalStep,
  ourExportStep,
  ourFirstImportStep,
  rawBulkPutFinalStep,
  reImportStep,
  reImportUnseenStep,
} from './sync-steps';
import { serverFillStep, serverUploadStep } from './server-steps';
import { searchKeystrokeStep } from './search-steps';
import { upgradeV6Step } from './upgrade-steps';

/**
 * Every step of a bench run, in the order the runner calls them. A later step may read what an
 * earlier one left (the dataset, a file) and name one to be compared with (`compareTo`).
 *
 * Targets (issue 7): our first import ≤ 2 × the raw bulkPut of the same final rows, re-import
 * ≤ 0.1 × the first import, the 100-change file ≤ 1 s, the file ≤ 2 × the plain JSON dump.
 * Issue 9: the leaders' summary sheet of the whole city to PDF ≤ 5 s.
 * Issue 10: a new computer's first fill from the server ≤ 1.5 × our first import of the file.
 * Issue 11: 工作台 and 看板 first render on the city ≤ 1 s each.
 * Issue 11: the .xlsx ledger (台账) of the whole city ≤ 10 s.
 * Issue 11: a search keystroke on the city ≤ 16 ms at the median.
 */
export const benchSteps: readonly BenchStep[] = [
  generateStep,
  validateSampleStep,
  jsonDumpStep,
  rawBulkPutStep,
  peerExportStep,
  peerImportStep,
  upgradeV6Step,
  citySyncFileStep,
  ourFirstImportStep,
  rawBulkPutFinalStep,
  reImportStep,
  reImportUnseenStep,
  incrementalStep,
  ourExportStep,
  summaryPdfStep,
  workbenchRenderStep,
  workbenchTeamRenderStep,
  boardRenderStep,
  ledgerExportStep,
  ledgerImportStep,
  serverUploadStep,
  serverFillStep,
  searchKeystrokeStep,
];

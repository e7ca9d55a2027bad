import { approvalMessages } from '../features/approvals/messages';
import { backupMessages } from '../features/backups/messages';
import { ledgerMessages } from '../features/ledger/messages';
import { missingItemMessages } from '../features/missing-items/messages';
import { stepMessages } from '../features/handling-steps/messages';
import { printMessages } from '../features/printing/messages';
import { problemMessages } from '../features/problems/messages';
import { reminderMessages } from '../features/reminders/messages';
import { searchMessages } from '../features/search/messages';
import { settingsMessages } from '../features/settings/messages';
import { syncMessages } from '../features/sync/messages';
import { recordFormMessages } from '../ui/messages';
import { workbenchMessages } from '../features/workbench/messages';
import { boardMessages } from '../features/board/messages';

/**
 * Each feature keeps its strings beside its screens (features/<area>/messages.ts, Chinese first,
 * English typed against it); they are merged here under their own top-level keys.
 */
const features = [
  approvalMessages,
  backupMessages,
  ledgerMessages,
  missingItemMessages,
  stepMessages,
  printMessages,
  problemMessages,
  reminderMessages,
  searchMessages,
  settingsMessages,
  syncMessages,
  recordFormMessages,
  workbenchMessages,
  boardMessages,
];

export const featureMessages = {
  zhCN: Object.assign({}, ...features.map((messages) => messages.zhCN)) as Record<string, unknown>,
  en: Object.assign({}, ...features.map((messages) => messages.en)) as Record<string, unknown>,
};

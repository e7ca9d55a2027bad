import type { TFunction } from 'i18next';
import { minPassphraseLength } from '../../../shared/sync/passphrase-key';
import type { SyncFailure } from '../../db/server-sync';
import { syncProblemText } from './problem-text';

/** Why syncing with the team server failed, in the users' words (Chinese first). */
export function serverFailureText(failure: SyncFailure, t: TFunction): string {
  switch (failure.code) {
    case 'rateLimited':
      return t('serverSync.failure.rateLimited', { seconds: failure.retryAfter });
    case 'serverError':
      return t('serverSync.failure.serverError', { status: failure.status });
    case 'refused':
      return t(`serverSync.failure.refused.${failure.error}`);
    case 'badData': {
      const { problem } = failure;
      const reason =
        problem.reason === 'reasonMalformedWrite' || problem.reason === 'reasonWriteOrder'
          ? t('sync.reasonWrongFormat')
          : syncProblemText(problem, t);
      return t('serverSync.failure.badData', { reason });
    }
    case 'clockDrift':
      return t('serverSync.failure.clockDrift', {
        hours: Math.floor(failure.drift.aheadMillis / 3_600_000),
      });
    case 'passphraseTooShort':
      return t('serverSync.failure.passphraseTooShort', { min: minPassphraseLength });
    case 'serverDeclined':
      return t('serverSync.failure.serverDeclined', { origin: failure.origin });
    case 'internal':
      return t('serverSync.failure.internal', { message: failure.message });
    default:
      return t(`serverSync.failure.${failure.code}`);
  }
}

import { formatDistanceStrict } from 'date-fns';
import type { TFunction } from 'i18next';
import type { TimestampCollision } from '../../../shared/sync/apply-rule';
import type { ClockDrift } from '../../../shared/sync/clock';
import type { FileRefusal } from '../../../shared/ipc/contract';
import type { IncomingProblem } from '../../../shared/sync/incoming';
import { db } from '../../db';
import type { IncomingProblem as FileProblemReason } from '../../db/sync-files';
import type { WorkerFailure } from '../../db/sync-worker';
import { enUS, zhCN } from '../../ui/date-fns-locales';

export type FileProblem =
  FileProblemReason | IncomingProblem | TimestampCollision | { reason: FileRefusal };

/**
 * A name's label, or the name itself. The name came from a file: `toString` or `constructor`
 * must not find what a plain object inherits, so only a string the catalog holds is taken.
 */
function label(t: TFunction, key: string, fallback: string): string {
  const found: unknown = t(key, { defaultValue: fallback, returnObjects: false });
  return typeof found === 'string' && !found.startsWith('function ') ? found : fallback;
}

/** Why a sync file (or a backup, or an old data file) was refused, in the users' words. */
export function syncProblemText(problem: FileProblem, t: TFunction): string {
  if (!problem.reason.startsWith('reason')) return t(`sync.refusal.${problem.reason}`);
  const params: Record<string, unknown> = { ...problem };
  if ('table' in problem) params.table = label(t, `sync.table.${problem.table}`, problem.table);
  if ('field' in problem) {
    const field = problem.field.split('.')[0] ?? '';
    params.field = label(t, `fieldLabel.${field}`, field);
  }
  if ('part' in problem) params.part = label(t, `sync.part.${problem.part}`, problem.part);
  if ('what' in problem) params.what = t(`sync.countWhat.${problem.what}`);
  return t(`sync.${problem.reason}`, params);
}

/** A received change stamped far in the future: which device, how far ahead, its time. */
export function clockAheadText(drift: ClockDrift, device: string, t: TFunction, language: string) {
  return t('sync.reasonClockAhead', {
    device,
    ahead: formatDistanceStrict(drift.remoteMillis, drift.wallMillis, {
      locale: language === 'en' ? enUS : zhCN,
    }),
    time: new Date(drift.remoteMillis).toLocaleString(language),
  });
}

/**
 * Why the sync worker refused a file or a batch, in the users' words: a problem with the file,
 * or a change stamped by a clock far ahead (naming the device by its user, else the file's
 * producer).
 */
export async function workerFailureText(
  failure: WorkerFailure,
  t: TFunction,
  language: string,
  producer?: { node: string; name: string } | null,
): Promise<string> {
  if ('problem' in failure) return syncProblemText(failure.problem, t);
  const { drift } = failure;
  const device = await db.devices.where('node').equals(drift.node).first();
  const user = device?.users.at(-1);
  const named = user
    ? `${user.name}（${user.unit}）`
    : producer?.node === drift.node
      ? producer.name
      : t('sync.unknownDevice');
  return clockAheadText(drift, named, t, language);
}

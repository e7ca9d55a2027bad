import type { TFunction } from 'i18next';
import type { DataFileProblem } from '../../../shared/exchange/data-file';
import type { FileRefusal } from '../../../shared/ipc/contract';

export type FileProblem = DataFileProblem | { reason: FileRefusal };

/** Why a data file (or a backup, which is one) was refused, in the user's words. */
export function fileProblemText(problem: FileProblem, t: TFunction): string {
  if (!problem.reason.startsWith('reason')) return t(`sync.refusal.${problem.reason}`);
  const params =
    problem.reason === 'reasonInvalidRecord'
      ? {
          ...problem,
          table: t(`sync.table.${problem.table}`),
          field: t(`fieldLabel.${problem.field.split('.')[0] ?? ''}`, {
            defaultValue: problem.field,
          }),
        }
      : problem;
  return t(`sync.${problem.reason}`, params);
}

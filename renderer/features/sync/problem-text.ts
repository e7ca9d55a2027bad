import type { TFunction } from 'i18next';
import type { DataFileProblem } from '../../../shared/exchange/data-file';

export type FileProblem = DataFileProblem | { reason: 'reasonTooLarge' };

/** Why a data file (or a backup, which is one) was refused, in the user's words. */
export function fileProblemText(problem: FileProblem, t: TFunction): string {
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

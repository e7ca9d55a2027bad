import type { Actor } from '../../../shared/domain/change';

/** Who printed a sheet, as the sync files name their producer: 王小明（某某镇人民政府）. */
export function actorLabel(actor: Actor | null | undefined): string {
  return actor ? `${actor.name}（${actor.unit}）` : '';
}

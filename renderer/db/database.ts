import { Dexie, type EntityTable } from 'dexie';
import type { KeyProject } from '../../shared/domain/project';

/**
 * The app's IndexedDB database. Versions only ever get added: each `version(n)` stays as written
 * so every user's database upgrades step by step. Only files in renderer/db touch it.
 */
export class DaibanDatabase extends Dexie {
  projects!: EntityTable<KeyProject, 'id'>;

  constructor(name = 'daiban') {
    super(name);
    this.version(1).stores({
      projects: 'id, updatedAt',
    });
  }
}

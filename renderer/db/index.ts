import { DaibanDatabase } from './database';
import { createRepositories } from './repositories';
import { createSyncEngine } from './sync-engine';
import { createSyncFiles } from './sync-files';

/** The one database of this window, its sync engine, and the repositories that write to it. */
export const db = new DaibanDatabase();
export const syncEngine = createSyncEngine(db);
export const repositories = createRepositories(db, syncEngine);
export const syncFiles = createSyncFiles(db, syncEngine, __APP_VERSION__);

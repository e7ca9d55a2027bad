import { DaibanDatabase } from './database';
import { createDataFileIo } from './data-file-io';
import { createRepositories } from './repositories';

/** The one database of this window and the repositories that write to it. */
export const db = new DaibanDatabase();
export const repositories = createRepositories(db);
export const dataFiles = createDataFileIo(db);

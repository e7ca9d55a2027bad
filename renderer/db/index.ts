import { DaibanDatabase } from './database';
import { createProjectRepository } from './project-repository';

/** The one database of this window and the repositories that write to it. */
export const db = new DaibanDatabase();
export const projectRepository = createProjectRepository(db);

import { z } from 'zod';
import { keyProjectSchema, type KeyProject } from '../domain/project';

/**
 * The data file staff carry on a USB stick between computers that share no network.
 * docs/data-file.md describes the format for people; this module is its single definition.
 */

export const dataFileFormat = 'daiban-data';
export const dataFileFormatVersion = 1;

const dataFileHeaderSchema = z.object({
  format: z.literal(dataFileFormat),
  formatVersion: z.number().int().positive(),
});

const dataFileSchema = z.object({
  format: z.literal(dataFileFormat),
  formatVersion: z.literal(dataFileFormatVersion),
  exportedAt: z.iso.datetime(),
  appVersion: z.string(),
  projects: z.array(z.unknown()),
});

export type DataFile = {
  format: typeof dataFileFormat;
  formatVersion: typeof dataFileFormatVersion;
  exportedAt: string;
  appVersion: string;
  projects: KeyProject[];
};

/** Why a file was refused: an i18n key under `sync.` and its parameters. */
export type DataFileProblem =
  | { reason: 'reasonNotJson' }
  | { reason: 'reasonWrongFormat' }
  | { reason: 'reasonNewerVersion'; version: number }
  | { reason: 'reasonInvalidRecord'; index: number; field: string };

export type ParsedDataFile = { ok: true; file: DataFile } | { ok: false; problem: DataFileProblem };

export function createDataFile(
  projects: KeyProject[],
  exportedAt: Date,
  appVersion: string,
): DataFile {
  return {
    format: dataFileFormat,
    formatVersion: dataFileFormatVersion,
    exportedAt: exportedAt.toISOString(),
    appVersion,
    projects,
  };
}

/** Validates the whole file before anything may touch the database. */
export function parseDataFile(text: string): ParsedDataFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { reason: 'reasonNotJson' } };
  }
  const header = dataFileHeaderSchema.safeParse(json);
  if (!header.success) return { ok: false, problem: { reason: 'reasonWrongFormat' } };
  if (header.data.formatVersion > dataFileFormatVersion) {
    return {
      ok: false,
      problem: { reason: 'reasonNewerVersion', version: header.data.formatVersion },
    };
  }
  const body = dataFileSchema.safeParse(json);
  if (!body.success) return { ok: false, problem: { reason: 'reasonWrongFormat' } };

  const projects: KeyProject[] = [];
  for (const [index, raw] of body.data.projects.entries()) {
    const project = keyProjectSchema.safeParse(raw);
    if (!project.success) {
      const field = project.error.issues[0]?.path.join('.') ?? '';
      return { ok: false, problem: { reason: 'reasonInvalidRecord', index: index + 1, field } };
    }
    projects.push(project.data);
  }
  return { ok: true, file: { ...body.data, formatVersion: dataFileFormatVersion, projects } };
}

export type ImportPlan = {
  added: KeyProject[];
  updated: KeyProject[];
  skipped: number;
};

/**
 * Row-level merge by last change: a project from the file replaces the local one only when the
 * file's copy changed later. Field-level sync with visible conflicts replaces this later.
 */
export function planImport(
  local: ReadonlyMap<string, KeyProject>,
  incoming: readonly KeyProject[],
): ImportPlan {
  const plan: ImportPlan = { added: [], updated: [], skipped: 0 };
  for (const project of incoming) {
    const existing = local.get(project.id);
    if (!existing) plan.added.push(project);
    else if (Date.parse(project.updatedAt) > Date.parse(existing.updatedAt))
      plan.updated.push(project);
    else plan.skipped += 1;
  }
  return plan;
}

import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { approvalItemSchema, type ApprovalItem } from '../../shared/domain/approval-item';
import { hasOpenNextAction } from '../../shared/domain/deadlines';
import { handlingStepIssues, type HandlingStep } from '../../shared/domain/handling-step';
import {
  isOutstanding,
  missingItemIssues,
  type MissingItem,
} from '../../shared/domain/missing-item';
import { problemIssues, type Problem } from '../../shared/domain/problem';
import type { DaibanDatabase, RowSyncMeta } from './database';

/**
 * What the database keeps derived from the rows, so that the screens showing the whole team
 * (工作台 on 全队, 看板, the summary sheet) need not read every row of a city. IndexedDB pays per
 * stored object: a city's 50,000 approval items take over a second to read, its 80,000 handling
 * steps two. Both are written here, on every write to the rows they come from and in the same
 * transaction, so they can never disagree with the rows (a Dexie middleware: no write path can
 * forget them).
 *
 * - **Item packs**: a project's live approval items, one stored object per project (each item
 *   compactly encoded, without its sync bookkeeping). Reading 2,000 packs costs a fraction of
 *   reading 50,000 rows.
 * - **`_attention` on handling steps, missing items and problems**: set (to 1) only on a record
 *   工作台 may show (an open 下一步, a material still owed, an unresolved problem, or one that needs
 *   review), and indexed. IndexedDB leaves a row without the field out of the index, so the index
 *   holds the few thousand such records of a city's 93,000.
 */
export const itemPacksTable = 'itemPacks';

/**
 * A project's live items as one UTF-8 text, a line per item (`packedItem`): one buffer per project
 * to read, decode and parse, where an object per item would cost the garbage collector 50,000.
 */
export type ItemPack = {
  projectId: string;
  /** The items' ids, a line each, in the order of `items`. */
  ids: string;
  items: Uint8Array;
};

type StoredItem = ApprovalItem & RowSyncMeta;

/**
 * An item as its pack keeps it: its fields' values by position, the project's id aside (the
 * pack's), so the field names are not stored 50,000 times over — reading costs by the byte. Both
 * functions list every field: TypeScript refuses a literal that misses one, and a test compares
 * them with the schema's fields.
 */
type PackedValues = [
  ApprovalItem['id'],
  ApprovalItem['catalogItemId'],
  ApprovalItem['stage'],
  ApprovalItem['name'],
  ApprovalItem['department'],
  ApprovalItem['departmentLevel'],
  ApprovalItem['handlingMode'],
  ApprovalItem['status'],
  ApprovalItem['pausedIntervals'],
  ApprovalItem['submittedOn'],
  ApprovalItem['acceptedOn'],
  ApprovalItem['completedOn'],
  ApprovalItem['timeLimit'],
  ApprovalItem['certificateNo'],
  ApprovalItem['commitmentCheck'],
  ApprovalItem['notes'],
  ApprovalItem['sortOrder'],
  ApprovalItem['createdAt'],
  ApprovalItem['updatedAt'],
  ApprovalItem['deleted'],
  /** Fields this version does not know (none from a write of its own), by name. */
  others?: Record<string, unknown>,
];

const valuesOf = (item: ApprovalItem): PackedValues => [
  item.id,
  item.catalogItemId,
  item.stage,
  item.name,
  item.department,
  item.departmentLevel,
  item.handlingMode,
  item.status,
  item.pausedIntervals,
  item.submittedOn,
  item.acceptedOn,
  item.completedOn,
  item.timeLimit,
  item.certificateNo,
  item.commitmentCheck,
  item.notes,
  item.sortOrder,
  item.createdAt,
  item.updatedAt,
  item.deleted,
];

const itemOf = (projectId: string, values: PackedValues): ApprovalItem => ({
  ...values[20],
  projectId,
  id: values[0],
  catalogItemId: values[1],
  stage: values[2],
  name: values[3],
  department: values[4],
  departmentLevel: values[5],
  handlingMode: values[6],
  status: values[7],
  pausedIntervals: values[8],
  submittedOn: values[9],
  acceptedOn: values[10],
  completedOn: values[11],
  timeLimit: values[12],
  certificateNo: values[13],
  commitmentCheck: values[14],
  notes: values[15],
  sortOrder: values[16],
  createdAt: values[17],
  updatedAt: values[18],
  deleted: values[19],
});

const knownFields = new Set<string>(Object.keys(approvalItemSchema.shape));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A stored item as a line of its pack, null when not live: its values as JSON (on one line: JSON
 * text has no raw line breaks). Stored as UTF-8, since an item is mostly ids, dates and codes,
 * which UTF-8 keeps in half the bytes of a string with Chinese in it.
 */
export function packedItem(row: StoredItem): string | null {
  if (row.deleted === true || row._incomplete === true) return null;
  const values = valuesOf(row);
  const others = Object.entries(row).filter(
    ([key]) => !knownFields.has(key) && !key.startsWith('_'),
  );
  if (others.length > 0) values[20] = Object.fromEntries(others);
  return JSON.stringify(values);
}

/** A pack's items as they were stored (their sync bookkeeping aside), in the pack's order. */
export function itemsOfPack(pack: ItemPack): ApprovalItem[] {
  const lines = decoder.decode(pack.items).replaceAll('\n', ',');
  return (JSON.parse(`[${lines}]`) as PackedValues[]).map((values) =>
    itemOf(pack.projectId, values),
  );
}

const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A pack of the given lines (item id → packedItem), in id order, or null for none: packs read in
 * project order then give every item in one order, whatever order they were written in.
 */
function packOf(projectId: string, lines: ReadonlyMap<string, string>): ItemPack | null {
  if (lines.size === 0) return null;
  const sorted = [...lines].sort(byKey);
  return {
    projectId,
    ids: sorted.map(([id]) => id).join('\n'),
    items: encoder.encode(sorted.map(([, line]) => line).join('\n')),
  };
}

function linesOf(pack: ItemPack | undefined): Map<string, string> {
  const lines = new Map<string, string>();
  if (!pack) return lines;
  const texts = decoder.decode(pack.items).split('\n');
  pack.ids.split('\n').forEach((id, index) => lines.set(id, texts[index]!));
  return lines;
}

/**
 * Whether 工作台 may show a record, judged from the record alone: for 全队 only the marked ones are
 * read. A deleted record never; an incomplete one always (its fields may still be missing: it is
 * judged again once complete).
 */
const attentionRules = {
  /** An open 下一步, or one that needs review. */
  handlingSteps: (step: HandlingStep) =>
    hasOpenNextAction(step) || handlingStepIssues(step).length > 0,
  /** Still owed (its promised date counts), or one that needs review. */
  missingItems: (missing: MissingItem) =>
    isOutstanding(missing) || missingItemIssues(missing).length > 0,
  /** Not yet resolved, or one that needs review. */
  problems: (problem: Problem) =>
    problem.status !== 'resolved' || problemIssues(problem).length > 0,
};
export type AttentionTable = keyof typeof attentionRules;
export const attentionTables = Object.keys(attentionRules) as AttentionTable[];

type Marked<Row> = Row & RowSyncMeta & { _attention?: 1 };

export function needsAttention<T extends AttentionTable>(
  table: T,
  row: Marked<Parameters<(typeof attentionRules)[T]>[0]>,
): boolean {
  if (row.deleted === true) return false;
  if (row._incomplete === true) return true;
  return (attentionRules[table] as (row: unknown) => boolean)(row);
}

/** The row with `_attention` as it should be (the same object when it already is). */
export function withAttention<Row extends { deleted: boolean }>(
  table: AttentionTable,
  row: Marked<Row>,
): Marked<Row> {
  const wanted = needsAttention(table, row as never);
  if (wanted === (row._attention === 1)) return row;
  const copy = { ...row };
  if (wanted) copy._attention = 1;
  else delete copy._attention;
  return copy;
}

const rangeAny = 3; // DBCoreRangeType.Any (a const enum, which isolated modules cannot import)

export const derivedRows: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DerivedRows',
  create(down) {
    const hasPacks = down.schema.tables.some((table) => table.name === itemPacksTable);
    return {
      ...down,
      transaction(stores, mode, options) {
        const needsPacks =
          hasPacks &&
          mode === 'readwrite' &&
          stores.includes('approvalItems') &&
          !stores.includes(itemPacksTable);
        return down.transaction(needsPacks ? [...stores, itemPacksTable] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if ((attentionTables as string[]).includes(name)) {
          const marked = name as AttentionTable;
          return {
            ...table,
            mutate: (request) =>
              table.mutate(
                request.type === 'add' || request.type === 'put'
                  ? {
                      ...request,
                      values: (request.values as Marked<{ deleted: boolean }>[]).map((row) =>
                        withAttention(marked, row),
                      ),
                    }
                  : request,
              ),
          };
        }
        if (name === 'approvalItems') {
          return { ...table, mutate: (request) => mutateItems(down, table, request) };
        }
        return table;
      },
    };
  },
};

/** A transaction that holds the packs: not so during an upgrade from before they existed. */
function holdsPacks(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).objectStoreNames.contains(itemPacksTable);
}

async function mutateItems(
  core: DBCore,
  items: DBCoreTable,
  request: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = request;
  if (!holdsPacks(trans)) return items.mutate(request);
  const packs = core.table(itemPacksTable);
  if (request.type === 'deleteRange' && (request.range.type as number) === rangeAny) {
    const response = await items.mutate(request);
    await packs.mutate({ type: 'deleteRange', trans, range: request.range });
    return response;
  }

  let keys: string[];
  if (request.type === 'deleteRange') {
    keys = (
      await items.query({
        trans,
        query: { index: items.schema.primaryKey, range: request.range },
        values: false,
      })
    ).result as string[];
  } else if (request.type === 'delete') keys = request.keys as string[];
  else keys = (request.keys ?? request.values.map((row) => (row as StoredItem).id)) as string[];
  const before = (await items.getMany({ trans, keys })) as (StoredItem | undefined)[];
  const response = await items.mutate(request);

  // Project id → item id → the item's line, or null to leave the pack.
  const changes = new Map<string, Map<string, string | null>>();
  const change = (projectId: string, itemId: string, line: string | null) => {
    let ofProject = changes.get(projectId);
    if (!ofProject) changes.set(projectId, (ofProject = new Map<string, string | null>()));
    ofProject.set(itemId, line);
  };
  before.forEach((row) => {
    if (row) change(row.projectId, row.id, null);
  });
  if (request.type === 'add' || request.type === 'put') {
    (request.values as StoredItem[]).forEach((row, index) => {
      if (response.failures[index] || typeof row.projectId !== 'string') return;
      const packed = packedItem(row);
      if (packed !== null) change(row.projectId, row.id, packed);
    });
  }
  if (changes.size === 0) return response;

  const projectIds = [...changes.keys()];
  const stored = (await packs.getMany({ trans, keys: projectIds })) as (ItemPack | undefined)[];
  const puts: ItemPack[] = [];
  const emptied: string[] = [];
  projectIds.forEach((projectId, index) => {
    const lines = linesOf(stored[index]);
    for (const [itemId, line] of changes.get(projectId)!) {
      if (line === null) lines.delete(itemId);
      else lines.set(itemId, line);
    }
    const pack = packOf(projectId, lines);
    if (pack) puts.push(pack);
    else if (stored[index]) emptied.push(projectId);
  });
  if (puts.length > 0) await packs.mutate({ type: 'put', trans, values: puts });
  if (emptied.length > 0) await packs.mutate({ type: 'delete', trans, keys: emptied });
  return response;
}

/** Every pack's items, parsed: by project, then by id (packs are read in project order). */
export function unpackItems(packs: readonly ItemPack[]): ApprovalItem[] {
  const rows: ApprovalItem[] = [];
  for (const pack of packs) for (const item of itemsOfPack(pack)) rows.push(item);
  return rows;
}

/** Where the reads of the packs split: project ids are UUIDs, in lower-case hex. */
const sliceStarts = ['2', '4', '6', '8', 'a', 'c', 'e'];

/**
 * Every live item of every pack (their projects' liveness is the caller's), by project then id.
 * Read in slices of the project ids, each parsed as soon as it arrives: IndexedDB reads the next
 * slice meanwhile, where one read of everything would leave the page waiting, then busy.
 */
export async function readPackedItems(db: DaibanDatabase): Promise<ApprovalItem[]> {
  const bounds = ['', ...sliceStarts];
  const slices = await Promise.all(
    bounds.map((from, index) => {
      const to = bounds[index + 1];
      const range =
        to === undefined
          ? db.itemPacks.where('projectId').aboveOrEqual(from)
          : db.itemPacks.where('projectId').between(from, to, true, false);
      return range.toArray().then(unpackItems);
    }),
  );
  return slices.flat();
}

/** The packs as the item rows say they should be: for a new store, or a check. */
export function packsOfRows(rows: readonly StoredItem[]): ItemPack[] {
  const projects = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const line = packedItem(row);
    if (line === null || typeof row.projectId !== 'string') continue;
    let lines = projects.get(row.projectId);
    if (!lines) projects.set(row.projectId, (lines = new Map<string, string>()));
    lines.set(row.id, line);
  }
  return [...projects].map(([projectId, lines]) => packOf(projectId, lines)!);
}

/**
 * The schema of version 5, before the derived rows: the app's stores without the packs and the
 * `_attention` indexes (for upgrade tests and the bench's upgrade step).
 */
export function storesBeforeDerivedRows(db: DaibanDatabase): Record<string, string> {
  return Object.fromEntries(
    db.tables
      .filter((table) => table.name !== itemPacksTable)
      .map((table) => [
        table.name,
        [table.schema.primKey, ...table.schema.indexes]
          .map((index) => index.src)
          .filter((src) => src !== '_attention')
          .join(', '),
      ]),
  );
}

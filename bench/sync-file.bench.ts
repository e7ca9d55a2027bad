/**
 * City-scale figures for the pure sync core under Node (issue 7): the sync file (create and read,
 * plain and encrypted; size against a plain JSON dump of the same rows) and the merkle trie
 * (2,000,000 timestamps over three years into the flat form and back; building, diffing and
 * pruning tries of 300,000 minutes). Each step runs once; the figures are printed as a table.
 *
 *   npx vitest bench --run bench/sync-file.bench.ts
 *
 * Not part of `npm test` (vitest's bench mode only). The rows are the seeded city dataset
 * (city-dataset.ts, seed 1); nothing is committed as data.
 */
import { bench, describe } from 'vitest';
import type { TableRecords } from '../shared/domain/records';
import {
  addTimestamp,
  buildTrie,
  diffTries,
  packMinuteHashes,
  pruneTrie,
  unpackMinuteHashes,
  type MinuteHashes,
} from '../shared/sync/merkle';
import type { JsonValue, SyncMessage } from '../shared/sync/message';
import { createSyncFile, readSyncFile, type ReadSyncFileResult } from '../shared/sync/sync-file';
import { formatTimestamp, zeroTimestamp, type Timestamp } from '../shared/sync/timestamp';
import { countRows, generateCityDataset } from './city-dataset';
import { seededRandom } from './seeded-random';

const random = seededRandom(20261129);
const devices = Array.from({ length: 40 }, () => random.uuid().replaceAll('-', '').slice(0, 16));
/** Seeded defaults (the catalog, the team settings) carry the zero timestamp on every device. */
const seededTables = new Set(['catalogItems', 'settings']);

const isStringList = (value: JsonValue): value is readonly string[] =>
  Array.isArray(value) && value.every((element) => typeof element === 'string');

/**
 * The messages that describe the dataset as a full export would carry them: one per field
 * (elements of string lists as fields of their own, `helperAgentIds/<id>`), the row's first write
 * at its createdAt by some device, and for rows changed since, one to three fields rewritten at
 * updatedAt on top of that first write (their base).
 */
function messagesOf(dataset: TableRecords): SyncMessage[] {
  const messages: SyncMessage[] = [];
  for (const [table, rows] of Object.entries(dataset) as [string, Record<string, unknown>[]][]) {
    for (const row of rows) {
      const id = row.id as string;
      const seeded = seededTables.has(table);
      const created = seeded
        ? zeroTimestamp
        : formatTimestamp({
            millis: Date.parse(row.createdAt as string),
            counter: 0,
            node: random.pick(devices),
          });
      const updated = formatTimestamp({
        millis: Date.parse(row.updatedAt as string),
        counter: random.int(0, 3),
        node: random.pick(devices),
      });
      const fields = Object.keys(row).filter((field) => field !== 'id');
      const edited = new Set<string>();
      if (!seeded && updated > created) {
        for (let count = random.int(1, 3); count > 0; count -= 1) edited.add(random.pick(fields));
      }
      for (const field of fields) {
        const [ts, base]: [Timestamp, Timestamp] = edited.has(field)
          ? [updated, created]
          : [created, zeroTimestamp];
        const value = row[field] as JsonValue;
        if (isStringList(value)) {
          for (const element of value) {
            messages.push({ ts, table, row: id, field: `${field}/${element}`, value: true, base });
          }
        } else {
          messages.push({ ts, table, row: id, field, value, base });
        }
      }
    }
  }
  return messages;
}

type Figure = { step: string; ms: number | ''; detail: string };
const figures: Figure[] = [];
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const count = (value: number) => value.toLocaleString('en');

async function measure<T>(step: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await run();
  figures.push({ step, ms: Math.round(performance.now() - start), detail: '' });
  return value;
}

const note = (detail: string) => {
  figures.at(-1)!.detail = detail;
};

const readDetail = (read: ReadSyncFileResult) =>
  read.ok ? `${count(read.header.messageCount)} messages` : read.problem.reason;

const appVersion = '0.1.0';
const header = {
  team: { id: '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e', name: '市帮办代办团队' },
  producer: { node: devices[0]!, name: '基准测试' },
  createdAt: new Date().toISOString(),
  appVersion,
  minAppVersion: appVersion,
};

async function syncFileFigures() {
  const dataset = await measure('generate the city dataset (seed 1)', () =>
    generateCityDataset({ seed: 1 }),
  );
  note(`${count(countRows(dataset))} rows`);
  const messages = await measure('derive its messages', () => messagesOf(dataset));
  note(`${count(messages.length)} field values`);
  const dump = await measure('JSON.stringify of the rows (the reference)', () =>
    JSON.stringify(dataset),
  );
  const dumpBytes = utf8Bytes(dump);
  note(megabytes(dumpBytes));

  const plain = await measure('createSyncFile', () => createSyncFile(header, messages));
  const plainBytes = utf8Bytes(plain);
  note(`${megabytes(plainBytes)} = ${(plainBytes / dumpBytes).toFixed(2)} × the rows' JSON`);
  note(readDetail(await measure('readSyncFile', () => readSyncFile(plain, { appVersion }))));

  const passphrase = '帮办代办2026';
  const sealed = await measure('createSyncFile, encrypted (PBKDF2 × 600,000)', () =>
    createSyncFile(header, messages, { passphrase }),
  );
  note(megabytes(utf8Bytes(sealed)));
  note(
    readDetail(
      await measure('readSyncFile, encrypted', () =>
        readSyncFile(sealed, { appVersion, passphrase }),
      ),
    ),
  );
  note(
    readDetail(
      await measure('readSyncFile, wrong passphrase', () =>
        readSyncFile(sealed, { appVersion, passphrase: '错误' }),
      ),
    ),
  );
  figures.push({
    step: 'JS heap in use now',
    ms: '',
    detail: megabytes(process.memoryUsage().heapUsed),
  });
}

async function merkleFigures() {
  const t0 = Date.UTC(2024, 0, 1);
  const threeYears = 3 * 365 * 86_400_000;
  // From JSON, as a log read back from storage holds them (flat strings, not concatenations).
  const timestamps = JSON.parse(
    JSON.stringify(
      Array.from({ length: 2_000_000 }, () =>
        formatTimestamp({
          millis: t0 + Math.floor(random.float() * threeYears),
          counter: random.int(0, 2),
          node: random.pick(devices),
        }),
      ),
    ),
  ) as Timestamp[];
  const hashes: MinuteHashes = new Map();
  await measure('addTimestamp × 2,000,000 over 3 years', () => {
    for (const ts of timestamps) addTimestamp(hashes, ts);
  });
  note(`${count(hashes.size)} minutes`);
  const packed = await measure('packMinuteHashes', () => packMinuteHashes(hashes));
  note(
    `Uint32Array + Int32Array, ${megabytes(packed.minutes.byteLength + packed.hashes.byteLength)}`,
  );
  await measure('structuredClone of the packed form (what an IndexedDB put copies)', () =>
    structuredClone(packed),
  );
  await measure('unpackMinuteHashes', () => unpackMinuteHashes(packed));

  const minutes: MinuteHashes = new Map();
  while (minutes.size < 300_000) {
    addTimestamp(
      minutes,
      formatTimestamp({
        millis: t0 + Math.floor(random.float() * threeYears),
        counter: 0,
        node: random.pick(devices),
      }),
    );
  }
  const other: MinuteHashes = new Map(minutes);
  addTimestamp(
    other,
    formatTimestamp({ millis: t0 + threeYears / 2, counter: 7, node: devices[1]! }),
  );
  const trie = await measure('buildTrie of 300,000 minutes', () => buildTrie(minutes));
  note(`${megabytes(JSON.stringify(trie).length)} as JSON`);
  const otherTrie = buildTrie(other);
  const at = await measure('diffTries, one timestamp apart', () => diffTries(trie, otherTrie));
  note(at === null ? 'equal' : new Date(at).toISOString());
  const pruned = await measure('pruneTrie, 2 branches kept', () => pruneTrie(otherTrie, 2));
  note(`${megabytes(JSON.stringify(pruned).length)} as JSON`);
  const prunedAt = await measure('diffTries against the pruned trie', () =>
    diffTries(trie, pruned),
  );
  note(prunedAt === null ? 'equal' : new Date(prunedAt).toISOString());
}

describe('sync core at city scale', () => {
  bench(
    'each step once (figures in the table above)',
    async () => {
      figures.length = 0;
      await syncFileFigures();
      await merkleFigures();
      console.table(figures);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});

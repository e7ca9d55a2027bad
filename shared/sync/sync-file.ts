import { z } from 'zod';
import { decodeBase64, encodeBase64 } from './base64';
import { derivePassphraseKey } from './passphrase-key';
import { hasNoForbiddenKeys, tableNameSchema, type SyncMessage } from './message';
import {
  decodeEntries,
  encodeMessagesWithCounts,
  syncFileEntrySchema,
  type EntryCounts,
  type EntryProblem,
  type SyncFileEntry,
} from './sync-entries';
import { nodeIdSchema, timestampSchema, type Timestamp } from './timestamp';

/**
 * The sync file staff carry on a USB stick between networks that never meet: one JSON document,
 * header first and messages last (so a reader can show the header before the bulk, or stream),
 * optionally encrypted with a passphrase. docs/sync-file-format.md describes it for other systems;
 * this module is its definition.
 */

export const syncFileFormat = 'daiban-sync';
export const syncFileFormatVersion = 1;

/** PBKDF2 work for new files: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const defaultPbkdf2Iterations = 600_000;
/** Accepted range: no weaker files, and no file can make the app derive a key for minutes. */
export const minPbkdf2Iterations = 200_000;
export const maxPbkdf2Iterations = 10_000_000;

const saltBytes = 16;
const ivBytes = 12;

const semverPattern = /^(\d{1,9})\.(\d{1,9})\.(\d{1,9})$/;

const encryptionSchema = z.object({
  algorithm: z.literal('AES-GCM'),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(minPbkdf2Iterations).max(maxPbkdf2Iterations),
  salt: z.string().regex(/^[A-Za-z0-9+/]{21}[AQgw]==$/),
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
});

export const syncFileHeaderSchema = z.object({
  format: z.literal(syncFileFormat),
  formatVersion: z.literal(syncFileFormatVersion),
  team: z.object({ id: z.uuid(), name: z.string().min(1).max(200) }),
  producer: z.object({ node: nodeIdSchema, name: z.string().max(200) }),
  createdAt: z.iso.datetime(),
  appVersion: z.string().min(1).max(50),
  minAppVersion: z.string().regex(semverPattern),
  range: z.object({ from: timestampSchema, to: timestampSchema }).nullable(),
  messageCount: z.number().int().min(0),
  rowCount: z.number().int().min(0),
  counts: z
    .unknown()
    .refine(hasNoForbiddenKeys)
    .pipe(z.record(tableNameSchema, z.number().int().min(0))),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encryption: encryptionSchema.nullable(),
});

export type SyncFileHeader = z.infer<typeof syncFileHeaderSchema>;
export type SyncFileEncryption = z.infer<typeof encryptionSchema>;

/** The whole document: the header, then `messages` in the clear or `ciphertext` when encrypted. */
export const syncFileSchema = z.union([
  syncFileHeaderSchema.extend({
    encryption: z.null(),
    messages: z.array(syncFileEntrySchema),
  }),
  syncFileHeaderSchema.extend({
    encryption: encryptionSchema,
    ciphertext: z
      .string()
      .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/),
  }),
]);

/** What the caller states; the counts, range, checksum and encryption header are computed. */
export type SyncFileHeaderInput = Pick<
  SyncFileHeader,
  'team' | 'producer' | 'createdAt' | 'appVersion' | 'minAppVersion'
>;

/** The header part that is wrong: an i18n key the renderer words for users. */
export type HeaderPart = keyof SyncFileHeader;

/** Why a file was refused: an i18n key under `sync.` and its parameters (no raw keys, no English). */
export type SyncFileProblem =
  | { reason: 'reasonNotJson' }
  | { reason: 'reasonTruncated' }
  | { reason: 'reasonWrongFormat' }
  | { reason: 'reasonNewerVersion'; version: number }
  | { reason: 'reasonNeedsNewerApp'; version: string }
  | { reason: 'reasonBadHeader'; part: HeaderPart }
  | { reason: 'reasonChecksumMismatch' }
  | { reason: 'reasonNeedsPassphrase' }
  | { reason: 'reasonWrongPassphrase' }
  | EntryProblem
  | {
      reason: 'reasonCountMismatch';
      what: 'messages' | 'rows' | 'tableMessages';
      expected: number;
      actual: number;
    };

/** The entries are validated (structure, counts, range); `decodeMessages` turns them into messages. */
export type ReadSyncFileResult =
  | { ok: true; header: SyncFileHeader; entries: SyncFileEntry[] }
  | { ok: false; problem: SyncFileProblem };

export type ReadSyncFileHeaderResult =
  { ok: true; header: SyncFileHeader } | { ok: false; problem: SyncFileProblem };

export type SyncFileOptions = { passphrase?: string; iterations?: number };

const utf8 = (text: string) => new TextEncoder().encode(text);

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** What a file's header states about its entries. */
export function countEntries(entries: readonly SyncFileEntry[]): EntryCounts & {
  range: { from: Timestamp; to: Timestamp } | null;
} {
  let messageCount = 0;
  let from: Timestamp | undefined;
  let to: Timestamp | undefined;
  // A Map: a table named `toString` must not start from Object.prototype's method.
  const counts = new Map<string, number>();
  const rows = new Set<string>();
  for (const [table, row, changes] of entries) {
    rows.add(`${table}\u0000${row}`);
    for (const [ts, values] of changes) {
      const fields = Object.keys(values).length;
      messageCount += fields;
      counts.set(table, (counts.get(table) ?? 0) + fields);
      if (from === undefined || ts < from) from = ts;
      if (to === undefined || ts > to) to = ts;
    }
  }
  return {
    messageCount,
    rowCount: rows.size,
    counts: Object.fromEntries(counts),
    range: from !== undefined && to !== undefined ? { from, to } : null,
  };
}

/** One entry per line: the file stays readable, diffable and easy to stream. */
function messagesText(entries: readonly unknown[]): string {
  return entries.length === 0
    ? '[]'
    : `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]`;
}

/**
 * Writes a sync file. `sha256` covers the exact text of the payload as written: the `messages`
 * array, or when encrypted the base64 characters of `ciphertext` (so a reader can tell a damaged
 * file from a wrong passphrase before decrypting). Encryption: a key from PBKDF2-SHA256 with a
 * random 16-byte salt per file, AES-GCM-256 with a random 12-byte IV over the messages JSON.
 */
export async function createSyncFile(
  input: SyncFileHeaderInput,
  messages: readonly SyncMessage[],
  options: SyncFileOptions = {},
): Promise<string> {
  return createSyncFileFromEntries(input, encodeMessagesWithCounts(messages).entries, options);
}

/**
 * The same from entries already grouped (the app's log keeps them so): no message objects are
 * made, which matters for a city-scale file. The entries must be valid (they came from the log).
 */
export async function createSyncFileFromEntries(
  input: SyncFileHeaderInput,
  entries: readonly SyncFileEntry[],
  options: SyncFileOptions = {},
): Promise<string> {
  const { messageCount, rowCount, counts, range } = countEntries(entries);
  const from = range?.from;
  const to = range?.to;
  const plainText = messagesText(entries);
  const { passphrase, iterations = defaultPbkdf2Iterations } = options;
  if (passphrase === '') throw new RangeError('An empty passphrase encrypts nothing');

  let encryption: SyncFileEncryption | null = null;
  let payload = plainText;
  if (passphrase !== undefined) {
    const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
    const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
    const key = await derivePassphraseKey(passphrase, salt, iterations);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, utf8(plainText));
    encryption = {
      algorithm: 'AES-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: encodeBase64(salt),
      iv: encodeBase64(iv),
    };
    payload = encodeBase64(new Uint8Array(sealed));
  }

  const header: SyncFileHeader = {
    format: syncFileFormat,
    formatVersion: syncFileFormatVersion,
    team: input.team,
    producer: input.producer,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    minAppVersion: input.minAppVersion,
    range: from !== undefined && to !== undefined ? { from, to } : null,
    messageCount,
    rowCount,
    counts,
    sha256: await sha256Hex(payload),
    encryption,
  };
  // Refuse to write what `readSyncFile` would refuse to read.
  const checked = syncFileHeaderSchema.safeParse(header);
  if (!checked.success) throw new RangeError(`Invalid sync file header: ${checked.error.message}`);

  // The header one member a line, for anyone who opens the file; then the payload.
  const headerText = JSON.stringify(header, null, 2);
  const bodyKey = encryption ? 'ciphertext' : 'messages';
  const body = encryption ? JSON.stringify(payload) : payload;
  return `${headerText.slice(0, -2)},\n  "${bodyKey}": ${body}\n}\n`;
}

const whitespace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/** The index just past the string literal whose opening quote is at `start`, or -1 if unclosed. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
}

type BodyLocation = { key: 'messages' | 'ciphertext'; keyStart: number; valueStart: number };

/**
 * Where the top-level `messages` or `ciphertext` member begins. Scans from the start, so it reads
 * only the header of a well-formed file; strings and nesting are tracked, so neither a header
 * string nor a nested key can be mistaken for it.
 */
function findBody(text: string): BodyLocation | null {
  let depth = 0;
  for (let index = 0; index < text.length;) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd(text, index);
      if (end < 0) return null;
      let after = end;
      while (whitespace(text.charCodeAt(after))) after += 1;
      if (depth === 1 && text.charCodeAt(after) === 58) {
        const key = text.slice(index + 1, end - 1);
        if (key === 'messages' || key === 'ciphertext') {
          let valueStart = after + 1;
          while (whitespace(text.charCodeAt(valueStart))) valueStart += 1;
          return { key, keyStart: index, valueStart };
        }
      }
      index = end;
      continue;
    }
    if (code === 123 || code === 91) depth += 1;
    else if (code === 125 || code === 93) depth -= 1;
    index += 1;
  }
  return null;
}

/**
 * Text that is not JSON but starts like an object and ends inside one (an unclosed string or
 * bracket) is a file cut short: a copy interrupted, a stick pulled out too early.
 */
function looksTruncated(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  if (first !== 123) return false;
  let depth = 0;
  for (let index = 0; index < text.length;) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = stringEnd(text, index);
      if (end < 0) return true;
      index = end;
      continue;
    }
    if (code === 123 || code === 91) depth += 1;
    else if (code === 125 || code === 93) {
      depth -= 1;
      if (depth < 0) return false;
    }
    index += 1;
  }
  return depth > 0;
}

function parseVersion(version: string): [number, number, number] | null {
  const match = semverPattern.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function isNewerVersion(version: string, than: string): boolean {
  const a = parseVersion(version);
  const b = parseVersion(than);
  if (!a || !b) return false;
  for (let index = 0; index < 3; index += 1) {
    if (a[index] !== b[index]) return a[index]! > b[index]!;
  }
  return false;
}

const fail = (problem: SyncFileProblem): { ok: false; problem: SyncFileProblem } => ({
  ok: false,
  problem,
});

/** Format, version, minimum app version and the header schema, in the order users need to hear them. */
function checkHeader(json: unknown, appVersion: string): ReadSyncFileHeaderResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail({ reason: 'reasonWrongFormat' });
  }
  const { format, formatVersion, minAppVersion } = json as Record<string, unknown>;
  if (format !== syncFileFormat) return fail({ reason: 'reasonWrongFormat' });
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return fail({ reason: 'reasonWrongFormat' });
  }
  if (formatVersion > syncFileFormatVersion) {
    return fail({ reason: 'reasonNewerVersion', version: formatVersion });
  }
  if (typeof minAppVersion === 'string' && isNewerVersion(minAppVersion, appVersion)) {
    return fail({ reason: 'reasonNeedsNewerApp', version: minAppVersion });
  }
  const header = syncFileHeaderSchema.safeParse(json);
  if (!header.success) {
    const part = (header.error.issues[0]?.path[0] ?? 'format') as HeaderPart;
    return fail({ reason: 'reasonBadHeader', part });
  }
  return { ok: true, header: header.data };
}

function checkAppVersion(appVersion: string): void {
  if (!parseVersion(appVersion)) throw new RangeError(`Not an app version: ${appVersion}`);
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Reads only the header, without parsing the messages: enough to name the team and producer, or
 * refuse the file, before the seconds a city-scale file takes. `readSyncFile` checks it again.
 */
export function readSyncFileHeader(
  fileText: string,
  options: { appVersion: string },
): ReadSyncFileHeaderResult {
  checkAppVersion(options.appVersion);
  const text = stripBom(fileText);
  const body = findBody(text);
  let json: unknown;
  try {
    const headerText = body ? text.slice(0, body.keyStart).trimEnd() : text;
    json = JSON.parse(body ? `${headerText.replace(/,$/, '')}}` : headerText);
  } catch {
    return fail({ reason: looksTruncated(text) ? 'reasonTruncated' : 'reasonNotJson' });
  }
  return checkHeader(json, options.appVersion);
}

/**
 * Validates a whole sync file before anything may touch the database: syntax, format and
 * versions, header, checksum, decryption, every entry's structure, counts and time range. Table
 * and field contents are left to the domain schemas; unknown tables are not an error here.
 * A leading U+FEFF (byte order mark) is ignored.
 */
export async function readSyncFile(
  fileText: string,
  options: { appVersion: string; passphrase?: string },
): Promise<ReadSyncFileResult> {
  checkAppVersion(options.appVersion);
  const text = stripBom(fileText);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail({ reason: looksTruncated(text) ? 'reasonTruncated' : 'reasonNotJson' });
  }
  const checked = checkHeader(json, options.appVersion);
  if (!checked.ok) return checked;
  const { header } = checked;
  const members = json as Record<string, unknown>;

  // The payload is the last member, so the text from its first character to the file's
  // closing brace is exactly what the producer hashed.
  const expectedKey = header.encryption ? 'ciphertext' : 'messages';
  const body = findBody(text);
  const keys = Object.keys(members);
  if (!body || body.key !== expectedKey || keys[keys.length - 1] !== expectedKey) {
    return fail({ reason: 'reasonWrongFormat' });
  }
  const payloadText = text.slice(body.valueStart, text.lastIndexOf('}')).trimEnd();

  let entries: unknown;
  if (header.encryption) {
    const ciphertext = members.ciphertext;
    if (typeof ciphertext !== 'string') return fail({ reason: 'reasonWrongFormat' });
    if ((await sha256Hex(ciphertext)) !== header.sha256) {
      return fail({ reason: 'reasonChecksumMismatch' });
    }
    if (!options.passphrase) return fail({ reason: 'reasonNeedsPassphrase' });
    const sealed = decodeBase64(ciphertext);
    const salt = decodeBase64(header.encryption.salt);
    const iv = decodeBase64(header.encryption.iv);
    if (!sealed || salt?.length !== saltBytes || iv?.length !== ivBytes) {
      return fail({ reason: 'reasonWrongFormat' });
    }
    const key = await derivePassphraseKey(options.passphrase, salt, header.encryption.iterations);
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
    } catch {
      // AES-GCM authenticates: a wrong key fails here, it never yields garbage. The checksum
      // matched, so the file is intact and the passphrase is what is wrong.
      return fail({ reason: 'reasonWrongPassphrase' });
    }
    try {
      entries = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
    } catch {
      return fail({ reason: 'reasonWrongFormat' });
    }
  } else {
    if ((await sha256Hex(payloadText)) !== header.sha256) {
      return fail({ reason: 'reasonChecksumMismatch' });
    }
    entries = members.messages;
  }

  const decoded = decodeEntries(entries, header.range, { collect: false });
  if (!decoded.ok) return decoded;

  const mismatch = (
    what: 'messages' | 'rows' | 'tableMessages',
    expected: number,
    actual: number,
  ) => fail({ reason: 'reasonCountMismatch', what, expected, actual });
  if (decoded.messageCount !== header.messageCount) {
    return mismatch('messages', header.messageCount, decoded.messageCount);
  }
  if (decoded.rowCount !== header.rowCount) {
    return mismatch('rows', header.rowCount, decoded.rowCount);
  }
  const tables = new Set([...Object.keys(header.counts), ...Object.keys(decoded.counts)]);
  for (const table of tables) {
    const expected = Object.hasOwn(header.counts, table) ? header.counts[table]! : 0;
    const actual = Object.hasOwn(decoded.counts, table) ? decoded.counts[table]! : 0;
    if (expected !== actual) return mismatch('tableMessages', expected, actual);
  }

  return { ok: true, header, entries: entries as SyncFileEntry[] };
}

import { z } from 'zod';

/**
 * Hybrid-logical-clock timestamps: `${ISO time}-${counter, 4 upper-case hex}-${node, 16 lower-case hex}`,
 * e.g. `2026-11-29T23:17:41.123Z-0000-0123456789abcdef`. Every part has a fixed width, so plain string
 * comparison orders timestamps by time, then counter, then node: two timestamps are never equal
 * unless one device issued the same one twice, which its clock never does.
 */

export const timestampLength = 46;
export const maxCounter = 0xffff;
/** `toISOString` writes four-digit years only up to 9999-12-31T23:59:59.999Z. */
export const maxTimestampMillis = 253_402_300_799_999;

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9A-F]{4}-[0-9a-f]{16}$/;
const nodeIdPattern = /^[0-9a-f]{16}$/;

/**
 * The pattern is not enough: `Date.parse` accepts 2026-02-30 and 24:00 and rolls them over, so a
 * timestamp is valid only when its time part is exactly what `toISOString` writes for that instant.
 * Times before 1970 are refused: nothing was written then, and merkle minutes are unsigned.
 */
function isRealTime(isoTime: string): boolean {
  const millis = Date.parse(isoTime);
  return millis >= 0 && new Date(millis).toISOString() === isoTime;
}

export const timestampSchema = z
  .string()
  .regex(timestampPattern, 'sync.invalidTimestamp')
  .refine((text) => isRealTime(text.slice(0, 24)), 'sync.invalidTimestamp')
  .brand<'Timestamp'>();

export type Timestamp = z.infer<typeof timestampSchema>;

/**
 * The timestamp of seeded defaults (the default catalog) and of an empty cell: every real write is
 * newer, so an edit made anywhere beats a default, however late another device was installed.
 */
export const zeroTimestamp = '1970-01-01T00:00:00.000Z-0000-0000000000000000' as Timestamp;

export function isTimestamp(value: unknown): value is Timestamp {
  return (
    typeof value === 'string' && timestampPattern.test(value) && isRealTime(value.slice(0, 24))
  );
}

/** A device's id: 16 lower-case hex digits, random per device (see `newNodeId`). */
export const nodeIdSchema = z.string().regex(nodeIdPattern, 'sync.invalidNodeId');

export function isNodeId(value: unknown): value is string {
  return typeof value === 'string' && nodeIdPattern.test(value);
}

/** The node of `zeroTimestamp`: seeded defaults, which every computer has and nobody wrote. */
export const seedNode = '0000000000000000';

/**
 * Nodes that start with eight zeros belong to no device: the all-zero `seedNode`, and the nodes
 * of records converted from data files of earlier versions (legacy-data-file.ts), which carry
 * their record's old change time. A device never gets one, so the sync server can tell writes
 * a device made (stamped with a node it registered) from those it only passes on.
 */
export function isDeviceNode(node: string): boolean {
  return isNodeId(node) && !node.startsWith('00000000');
}

/** A converted record's node: reserved prefix, not the seed node. */
export function isLegacyNode(node: string): boolean {
  return isNodeId(node) && node.startsWith('00000000') && node !== seedNode;
}

/** The node id in a timestamp (its last 16 characters). */
export const timestampNode = (ts: Timestamp): string => ts.slice(30);

/** A random device node id: never one of the reserved ones (`isDeviceNode`). */
export function newNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return isDeviceNode(id) ? id : newNodeId();
}

export type TimestampParts = { millis: number; counter: number; node: string };

export function formatTimestamp({ millis, counter, node }: TimestampParts): Timestamp {
  if (!Number.isSafeInteger(millis) || millis < 0 || millis > maxTimestampMillis) {
    throw new RangeError(`Timestamp time out of range: ${millis}`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > maxCounter) {
    throw new RangeError(`Timestamp counter out of range: ${counter}`);
  }
  if (!isNodeId(node)) throw new RangeError(`Not a node id: ${JSON.stringify(node)}`);
  const counterHex = counter.toString(16).toUpperCase().padStart(4, '0');
  return `${new Date(millis).toISOString()}-${counterHex}-${node}` as Timestamp;
}

export function parseTimestamp(ts: Timestamp): TimestampParts {
  return {
    millis: timestampMillis(ts),
    counter: Number.parseInt(ts.slice(25, 29), 16),
    node: ts.slice(30),
  };
}

/** Parses a timestamp from untrusted text; null when it is not one. */
export function parseTimestampText(text: string): TimestampParts | null {
  return isTimestamp(text) ? parseTimestamp(text) : null;
}

const digit = (text: string, index: number) => text.charCodeAt(index) - 48;
const twoDigits = (text: string, index: number) => digit(text, index) * 10 + digit(text, index + 1);

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
 * days_from_civil), in integer arithmetic: this runs for every timestamp added to the merkle
 * trie, millions at a time, where `Date.UTC` and `Date.parse` cost several times more.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The wall-clock part of a valid timestamp in millis, read digit by digit. */
export function timestampMillis(ts: Timestamp): number {
  const days = daysFromCivil(
    twoDigits(ts, 0) * 100 + twoDigits(ts, 2),
    twoDigits(ts, 5),
    twoDigits(ts, 8),
  );
  const seconds =
    ((days * 24 + twoDigits(ts, 11)) * 60 + twoDigits(ts, 14)) * 60 + twoDigits(ts, 17);
  return seconds * 1000 + digit(ts, 20) * 100 + twoDigits(ts, 21);
}

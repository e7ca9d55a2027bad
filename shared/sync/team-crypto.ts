import { decodeBase64, encodeBase64 } from './base64';
import { derivePassphraseKey, minPassphraseLength, type PassphraseKey } from './passphrase-key';
import type { TeamEncryption, WirePart } from './server-protocol';
import type { Timestamp } from './timestamp';

/**
 * End-to-end encryption of a team's writes on the sync server. The key is derived from a team
 * passphrase that never leaves the devices (PBKDF2-SHA256, the team's random salt); each write's
 * parts are sealed with AES-GCM-256 under a fresh 12-byte IV, with the team id and the write's
 * timestamp (which ends in the writing device's node) bound as additional data
 * (`daiban-write/2|<team>|<timestamp>`). So the server holds opaque bytes it can neither read
 * nor change nor move to another write, team or device: a write that does not open under the
 * team key is never applied (renderer/db/server-sync.ts sets it aside). A known text sealed with
 * the key (`check`) tells a wrong passphrase at once: AES-GCM fails to open with a wrong key, it
 * never yields garbage.
 *
 * Writes sealed before version 2 bound the timestamp alone: they still open (each team has its
 * own salt, so its own key, and a write cannot be moved to another team's key either).
 */

/** The team's AES-GCM key, made from its passphrase. */
export type TeamKey = PassphraseKey;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, as for encrypted sync files. */
export const teamKeyIterations = 600_000;

const ivBytes = 12;
const utf8 = (text: string) => new TextEncoder().encode(text);
const checkText = 'daiban-team-key-check';

async function seal(key: TeamKey, plain: string, associated: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(associated) },
      key,
      utf8(plain),
    ),
  );
  const out = new Uint8Array(ivBytes + sealed.length);
  out.set(iv);
  out.set(sealed, ivBytes);
  return encodeBase64(out);
}

async function open(key: TeamKey, text: string, associated: string): Promise<string | null> {
  const bytes = decodeBase64(text);
  if (!bytes || bytes.length <= ivBytes + 16) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, ivBytes), additionalData: utf8(associated) },
      key,
      bytes.slice(ivBytes),
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}

/** The additional data of a write sealed by this version: team, timestamp (and so node). */
export const writeAssociatedData = (team: string, ts: Timestamp) => `daiban-write/2|${team}|${ts}`;

/** Characters of a passphrase as people count them (code points of its NFC form). */
export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}

/** A passphrase long enough to set as a team's (`minPassphraseLength` characters or more). */
export function isLongEnoughPassphrase(passphrase: string): boolean {
  return passphraseLength(passphrase) >= minPassphraseLength;
}

/**
 * A new team key from a passphrase, with what the server keeps to let others check theirs. A
 * passphrase shorter than `minPassphraseLength` is refused: it is what sets the team's key.
 */
export async function createTeamEncryption(
  passphrase: string,
  iterations = teamKeyIterations,
): Promise<{ encryption: TeamEncryption; key: TeamKey }> {
  if (!isLongEnoughPassphrase(passphrase)) {
    throw new RangeError(`A team passphrase needs at least ${minPassphraseLength} characters`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derivePassphraseKey(passphrase, salt, iterations);
  return {
    key,
    encryption: {
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: encodeBase64(salt),
      check: await seal(key, checkText, 'check'),
    },
  };
}

/** The team key for a passphrase, or null when the passphrase is not the team's. */
export async function unlockTeamKey(
  passphrase: string,
  encryption: TeamEncryption,
): Promise<TeamKey | null> {
  const salt = decodeBase64(encryption.salt);
  if (!salt) return null;
  const key = await derivePassphraseKey(passphrase, salt, encryption.iterations);
  return (await open(key, encryption.check, 'check')) === checkText ? key : null;
}

/** Seals a write's parts for the server, bound to its team and timestamp. */
export async function sealParts(
  key: TeamKey,
  team: string,
  ts: Timestamp,
  parts: readonly WirePart[],
): Promise<string> {
  return seal(key, JSON.stringify(parts), writeAssociatedData(team, ts));
}

/**
 * The parts of a sealed write, or null when it does not open under this key for this team and
 * timestamp (a write sealed before version 2, bound to its timestamp alone, opens too).
 */
export async function openParts(
  key: TeamKey,
  team: string,
  ts: Timestamp,
  sealed: string,
): Promise<unknown> {
  const text =
    (await open(key, sealed, writeAssociatedData(team, ts))) ?? (await open(key, sealed, ts));
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

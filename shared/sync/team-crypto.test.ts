import { describe, expect, it } from 'vitest';
import { minPassphraseLength } from './passphrase-key';
import type { WirePart } from './server-protocol';
import {
  createTeamEncryption,
  isLongEnoughPassphrase,
  openParts,
  sealParts,
  unlockTeamKey,
  type TeamKey,
} from './team-crypto';
import { formatTimestamp } from './timestamp';

const ts = (millis: number, node = 'aaaaaaaaaaaaaaaa') =>
  formatTimestamp({ millis, counter: 0, node });
const parts: WirePart[] = [['projects', 'p1', { name: '冷链物流中心' }]];
const team = '3b7c1d9e-0000-4000-8000-000000000001';
// Few iterations keep the test quick; the app uses teamKeyIterations.
const iterations = 200_000;

/** A write as a version before 2 sealed it: its timestamp alone as additional data. */
async function sealedByVersion1(key: TeamKey, stamp: string, written: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(stamp) },
      key,
      new TextEncoder().encode(JSON.stringify(written)),
    ),
  );
  return btoa(String.fromCharCode(...iv, ...sealed));
}

describe('team encryption', () => {
  it('seals parts the server cannot read, opens them with the team passphrase on another device', async () => {
    const { encryption, key } = await createTeamEncryption('密码 一二三四五', iterations);
    const sealed = await sealParts(key, team, ts(1), parts);
    expect(sealed).not.toContain('冷链');
    expect(JSON.stringify(encryption)).not.toContain('密码');
    const other = await unlockTeamKey('密码 一二三四五', encryption);
    expect(other).not.toBeNull();
    expect(await openParts(other!, team, ts(1), sealed)).toEqual(parts);
  });

  it('tells a wrong passphrase, and opens a write only under its own team, timestamp and node', async () => {
    const { encryption, key } = await createTeamEncryption('right passphrase', iterations);
    expect(await unlockTeamKey('wrong passphrase', encryption)).toBeNull();
    const other = await createTeamEncryption('right passphrase', iterations);
    expect(
      await unlockTeamKey('right passphrase', { ...encryption, check: other.encryption.check }),
    ).toBeNull();
    const sealed = await sealParts(key, team, ts(1), parts);
    expect(await openParts(key, team, ts(2), sealed)).toBeNull();
    // The same moment and counter, stamped by another device: the node is bound too.
    expect(await openParts(key, team, ts(1, 'bbbbbbbbbbbbbbbb'), sealed)).toBeNull();
    expect(await openParts(key, 'another-team', ts(1), sealed)).toBeNull();
    expect(await openParts(key, team, ts(1), `${sealed.slice(0, -8)}AAAAAAA=`)).toBeNull();
    expect(await openParts(key, team, ts(1), 'not base64!')).toBeNull();
    // The server cannot pass a write off as sealed with another key.
    expect(await openParts(other.key, team, ts(1), sealed)).toBeNull();
  });

  it('still opens what an older version sealed with the timestamp alone, at that timestamp only', async () => {
    const { key } = await createTeamEncryption('团队口令 2026', iterations);
    const old = await sealedByVersion1(key, ts(5), parts);
    expect(await openParts(key, team, ts(5), old)).toEqual(parts);
    expect(await openParts(key, team, ts(6), old)).toBeNull();
  });

  it(`refuses to set a team passphrase shorter than ${minPassphraseLength} characters`, async () => {
    expect(isLongEnoughPassphrase('1234567')).toBe(false);
    expect(isLongEnoughPassphrase('12345678')).toBe(true);
    // Characters as people count them: eight Chinese characters are eight.
    expect(isLongEnoughPassphrase('城区帮办代办团队')).toBe(true);
    expect(isLongEnoughPassphrase('城区帮办代办团')).toBe(false);
    await expect(createTeamEncryption('short', iterations)).rejects.toThrow(RangeError);
    await expect(createTeamEncryption('', iterations)).rejects.toThrow(RangeError);
  });
});

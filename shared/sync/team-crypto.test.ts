import { describe, expect, it } from 'vitest';
import type { WirePart } from './server-protocol';
import { createTeamEncryption, openParts, sealParts, unlockTeamKey } from './team-crypto';
import { formatTimestamp } from './timestamp';

const ts = (millis: number) => formatTimestamp({ millis, counter: 0, node: 'aaaaaaaaaaaaaaaa' });
const parts: WirePart[] = [['projects', 'p1', { name: '冷链物流中心' }]];
// Few iterations keep the test quick; the app uses teamKeyIterations.
const iterations = 200_000;

describe('team encryption', () => {
  it('seals parts the server cannot read, opens them with the team passphrase on another device', async () => {
    const { encryption, key } = await createTeamEncryption('密码 一二三', iterations);
    const sealed = await sealParts(key, ts(1), parts);
    expect(sealed).not.toContain('冷链');
    expect(JSON.stringify(encryption)).not.toContain('密码');
    const other = await unlockTeamKey('密码 一二三', encryption);
    expect(other).not.toBeNull();
    expect(await openParts(other!, ts(1), sealed)).toEqual(parts);
  });

  it('tells a wrong passphrase, and does not open a write moved to another timestamp', async () => {
    const { encryption, key } = await createTeamEncryption('right', iterations);
    expect(await unlockTeamKey('wrong', encryption)).toBeNull();
    const other = await createTeamEncryption('right', iterations);
    expect(
      await unlockTeamKey('right', { ...encryption, check: other.encryption.check }),
    ).toBeNull();
    const sealed = await sealParts(key, ts(1), parts);
    expect(await openParts(key, ts(2), sealed)).toBeNull();
    expect(await openParts(key, ts(1), `${sealed.slice(0, -8)}AAAAAAA=`)).toBeNull();
    expect(await openParts(key, ts(1), 'not base64!')).toBeNull();
  });
});

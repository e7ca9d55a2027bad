import { describe, expect, it } from 'vitest';
import {
  changedFields,
  clashesOf,
  decodeDraft,
  encodeDraft,
  keepMine,
  mergeSet,
  patchOf,
  rebase,
  sameValue,
  takeTheirs,
  type Draft,
} from './record-draft';

type Project = {
  ownerCompany: string;
  leaderInCharge: string;
  totalInvestment: number | null;
  helperAgentIds: string[];
  pausedIntervals: { from: string | null; to: string | null; reason: string }[];
  timeLimit: { days: number; unit: 'working' | 'calendar' } | null;
  approvalItemId?: string;
};

const stored: Project = {
  ownerCompany: '某某智能科技有限公司',
  leaderInCharge: '',
  totalInvestment: 5000,
  helperAgentIds: ['a', 'b'],
  pausedIntervals: [{ from: '2026-03-02', to: null, reason: '专家评审' }],
  timeLimit: { days: 20, unit: 'working' },
  approvalItemId: 'item-1',
};

const opened = (values: Partial<Project> = {}): Draft<Project> => ({
  base: stored,
  values: { ...stored, ...values },
});

describe('sameValue', () => {
  it('compares arrays and objects by content, whatever the key order', () => {
    expect(sameValue({ days: 20, unit: 'working' }, { unit: 'working', days: 20 })).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue([{ from: '2026-03-02', to: null }], [{ to: null, from: '2026-03-02' }])).toBe(
      true,
    );
    expect(sameValue({ days: 20 }, { days: 21 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });

  it('takes null, undefined and a missing key as the same empty value, but not 0 or ""', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue({ to: null }, {})).toBe(true);
    expect(sameValue(null, '')).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue('', 0)).toBe(false);
  });
});

describe('changedFields', () => {
  it('is empty for a form as it opened', () => {
    expect(changedFields(stored, { ...stored })).toEqual([]);
  });

  it('names only the fields whose value differs from the base, arrays and objects deep', () => {
    const values: Project = {
      ...stored,
      leaderInCharge: '李副区长',
      helperAgentIds: ['a', 'b', 'c'],
      pausedIntervals: [{ from: '2026-03-02', to: '2026-03-06', reason: '专家评审' }],
      // A fresh but equal object is no change.
      timeLimit: { unit: 'working', days: 20 },
    };
    expect(changedFields(stored, values)).toEqual([
      'leaderInCharge',
      'helperAgentIds',
      'pausedIntervals',
    ]);
  });

  it('sees a select cleared to undefined as a change, and undefined vs null as none', () => {
    expect(changedFields(stored, { ...stored, approvalItemId: undefined })).toEqual([
      'approvalItemId',
    ]);
    expect(
      changedFields(
        { ...stored, totalInvestment: null },
        { ...stored, totalInvestment: undefined as unknown as null },
      ),
    ).toEqual([]);
  });
});

describe('rebase', () => {
  it('lets untouched fields take the stored value, and moves the base with them', () => {
    const draft = opened({ leaderInCharge: '李副区长' });
    const now = { ...stored, ownerCompany: '某某新材料有限公司', totalInvestment: 8000 };
    const moved = rebase(draft, now);
    expect(moved.values).toEqual({ ...now, leaderInCharge: '李副区长' });
    expect(moved.base).toEqual(now);
    expect(changedFields(moved.base, moved.values)).toEqual(['leaderInCharge']);
    expect(clashesOf(moved, now)).toEqual([]);
  });

  it('keeps a field both sides changed to different values as the user has it: a clash', () => {
    const draft = opened({ ownerCompany: '甲公司', leaderInCharge: '李副区长' });
    const now = { ...stored, ownerCompany: '乙公司' };
    const moved = rebase(draft, now);
    expect(moved.values.ownerCompany).toBe('甲公司');
    expect(moved.base.ownerCompany).toBe(stored.ownerCompany);
    expect(clashesOf(moved, now)).toEqual([
      { field: 'ownerCompany', mine: '甲公司', theirs: '乙公司' },
    ]);
  });

  it('takes a change made the same way on both sides as no change of the user any more', () => {
    const draft = opened({ ownerCompany: '甲公司' });
    const now = { ...stored, ownerCompany: '甲公司' };
    const moved = rebase(draft, now);
    expect(changedFields(moved.base, moved.values)).toEqual([]);
    expect(clashesOf(moved, now)).toEqual([]);
  });

  it('finds clashes in arrays and objects deep', () => {
    const draft = opened({ timeLimit: { days: 15, unit: 'working' } });
    const now = { ...stored, timeLimit: { days: 10, unit: 'calendar' as const } };
    expect(clashesOf(rebase(draft, now), now)).toEqual([
      { field: 'timeLimit', mine: { days: 15, unit: 'working' }, theirs: now.timeLimit },
    ]);
  });

  it('merges set fields: my additions and removals apply to theirs, with no clash', () => {
    const draft = opened({ helperAgentIds: ['b', 'c'] }); // removed a, added c
    const now = { ...stored, helperAgentIds: ['a', 'b', 'd'] }; // they added d
    const moved = rebase(draft, now, { setFields: ['helperAgentIds'] });
    expect(moved.values.helperAgentIds).toEqual(['b', 'd', 'c']);
    expect(moved.base.helperAgentIds).toEqual(['a', 'b', 'd']);
    expect(clashesOf(moved, now)).toEqual([]);
    expect(changedFields(moved.base, moved.values)).toEqual(['helperAgentIds']);
  });

  it('without setFields, a set changed on both sides is a clash', () => {
    const draft = opened({ helperAgentIds: ['b', 'c'] });
    const now = { ...stored, helperAgentIds: ['a', 'b', 'd'] };
    expect(clashesOf(rebase(draft, now), now).map((clash) => clash.field)).toEqual([
      'helperAgentIds',
    ]);
  });

  it('for a new record, keeps what the user typed over changed starting values, silently', () => {
    const draft = opened({ leaderInCharge: '李副区长' });
    const now = { ...stored, leaderInCharge: '王小明', ownerCompany: '' };
    const moved = rebase(draft, now, { quiet: true });
    expect(moved.values).toEqual({ ...now, leaderInCharge: '李副区长' });
    expect(clashesOf(moved, now)).toEqual([]);
  });

  it('follows a record changed again after a clash was decided', () => {
    const first = { ...stored, ownerCompany: '乙公司' };
    const decided = keepMine(
      rebase(opened({ ownerCompany: '甲公司' }), first),
      first,
      'ownerCompany',
    );
    expect(clashesOf(decided, first)).toEqual([]);
    const second = { ...stored, ownerCompany: '丙公司' };
    expect(clashesOf(rebase(decided, second), second)).toEqual([
      { field: 'ownerCompany', mine: '甲公司', theirs: '丙公司' },
    ]);
  });
});

describe('deciding a clash', () => {
  const now = { ...stored, ownerCompany: '乙公司' };
  const clashing = rebase(opened({ ownerCompany: '甲公司' }), now);

  it("keep mine: the value stays, and it is still the user's change to write", () => {
    const decided = keepMine(clashing, now, 'ownerCompany');
    expect(clashesOf(decided, now)).toEqual([]);
    expect(decided.values.ownerCompany).toBe('甲公司');
    expect(changedFields(decided.base, decided.values)).toEqual(['ownerCompany']);
  });

  it('take theirs: the stored value, and nothing left to write', () => {
    const decided = takeTheirs(clashing, now, 'ownerCompany');
    expect(clashesOf(decided, now)).toEqual([]);
    expect(decided.values.ownerCompany).toBe('乙公司');
    expect(changedFields(decided.base, decided.values)).toEqual([]);
  });
});

describe('mergeSet', () => {
  it('compares elements deep, so an edited paused interval replaces the old one', () => {
    const base = [{ from: '2026-03-02', to: null, reason: '' }];
    const mine = [{ from: '2026-03-02', to: '2026-03-06', reason: '' }];
    const theirs = [...base, { from: '2026-04-01', to: null, reason: '听证' }];
    expect(mergeSet(base, mine, theirs)).toEqual([theirs[1], mine[0]]);
  });
});

describe('patchOf', () => {
  it('writes the validated value of each record field that differs between base and form', () => {
    const base = { name: '甲', timeLimit: { days: 20, unit: 'working' }, notes: '' };
    const form = { name: '甲', timeLimit: { days: 15, unit: 'working' }, notes: '  ' };
    const input = { name: '甲', timeLimit: { days: 15, unit: 'working' }, notes: '' };
    expect(patchOf(input, base, form)).toEqual({
      timeLimit: { days: 15, unit: 'working' },
      notes: '',
    });
    expect(patchOf(input, base, base)).toEqual({});
  });
});

describe('kept drafts', () => {
  it('come back with their base, a cleared field still undefined', () => {
    const draft = opened({ approvalItemId: undefined, leaderInCharge: '李副区长' });
    const saved = decodeDraft(encodeDraft(draft, 'tab-1'));
    expect(saved?.writer).toBe('tab-1');
    expect(saved?.base).toEqual(stored);
    expect(saved?.values).toEqual(draft.values);
    expect(saved && 'approvalItemId' in saved.values).toBe(true);
  });

  it('written before bases were kept come back as values without a base', () => {
    expect(decodeDraft(JSON.stringify({ ownerCompany: '甲公司' }))).toEqual({
      values: { ownerCompany: '甲公司' },
    });
  });

  it('that cannot be read are none', () => {
    expect(decodeDraft(null)).toBeNull();
    expect(decodeDraft('{')).toBeNull();
    expect(decodeDraft('[1]')).toBeNull();
    expect(decodeDraft(JSON.stringify({ version: 2, base: 'x', values: [] }))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { encodeDraft } from './record-draft';
import { RecordFormSession, type DraftStorage, type FormStore } from './record-form-session';

type Values = { ownerCompany: string; leaderInCharge: string; helperAgentIds: string[] };

const stored: Values = { ownerCompany: '甲公司', leaderInCharge: '', helperAgentIds: ['a'] };

/** An antd form as far as a session sees it: a store of values, typed into by `type`. */
class FakeForm implements FormStore {
  values: Record<string, unknown> = {};
  getFieldsValue = () => ({ ...this.values });
  setFields = (fields: { name: string; value: unknown }[]) => {
    for (const { name, value } of fields) this.values[name] = value;
  };
}

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function open(storage = memoryStorage(), writer = 'tab-a') {
  const form = new FakeForm();
  const session = new RecordFormSession<Values>('project:1', form, storage, writer);
  session.sync(stored);
  const type = (values: Partial<Values>) => {
    Object.assign(form.values, values);
    session.edited();
  };
  return { form, session, storage, type };
}

describe('RecordFormSession', () => {
  it('fills the form from the record and keeps no draft while nothing is changed', () => {
    const { form, session, storage } = open();
    expect(form.values).toEqual(stored);
    expect(session.getSnapshot()).toMatchObject({ status: 'open', changed: [], clashes: [] });
    expect(storage.items.size).toBe(0);
  });

  it('keeps a draft with its base, and a reopened form restores it', () => {
    const { storage, type } = open();
    type({ leaderInCharge: '李副区长' });
    expect(storage.items.has('daiban.draft.project:1')).toBe(true);
    const again = open(storage, 'tab-a-after-reload');
    expect(again.form.values.leaderInCharge).toBe('李副区长');
    expect(again.session.getSnapshot().changed).toEqual(['leaderInCharge']);
  });

  it('moves untouched fields to the stored record and shows a clash for a field both changed', () => {
    const { form, session, type } = open();
    type({ ownerCompany: '乙公司', leaderInCharge: '李副区长' });
    session.sync({ ...stored, ownerCompany: '丙公司', helperAgentIds: ['a', 'b'] });
    expect(form.values).toEqual({
      ownerCompany: '乙公司',
      leaderInCharge: '李副区长',
      helperAgentIds: ['a', 'b'],
    });
    expect(session.getSnapshot().clashes).toEqual([
      { field: 'ownerCompany', mine: '乙公司', theirs: '丙公司' },
    ]);
    session.takeTheirs('ownerCompany');
    expect(form.values.ownerCompany).toBe('丙公司');
    expect(session.getSnapshot()).toMatchObject({ clashes: [], changed: ['leaderInCharge'] });
  });

  it('rebases a kept draft onto the record as it is when the form opens again', () => {
    const first = open();
    first.type({ ownerCompany: '乙公司', leaderInCharge: '李副区长' });
    // Meanwhile an import changed both the company and the helper-agents.
    const form = new FakeForm();
    const session = new RecordFormSession<Values>('project:1', form, first.storage, 'tab-b');
    const now = { ...stored, ownerCompany: '丙公司', helperAgentIds: ['c'] };
    session.sync(now);
    expect(form.values).toEqual({ ...now, ownerCompany: '乙公司', leaderInCharge: '李副区长' });
    expect(session.getSnapshot().clashes.map((clash) => clash.field)).toEqual(['ownerCompany']);
  });

  it("takes a draft from before bases were kept as the user's changes over the record", () => {
    const storage = memoryStorage();
    storage.setItem('daiban.draft.project:1', JSON.stringify({ leaderInCharge: '李副区长' }));
    const { form, session } = open(storage);
    expect(form.values.leaderInCharge).toBe('李副区长');
    expect(session.getSnapshot().changed).toEqual(['leaderInCharge']);
  });

  it('after a save, the written values are the base and the draft goes', () => {
    const { session, storage, type, form } = open();
    type({ leaderInCharge: '李副区长' });
    session.saved({ ...stored, leaderInCharge: '李副区长' });
    expect(storage.items.size).toBe(0);
    expect(session.getSnapshot().changed).toEqual([]);
    // The write comes back from the database, trimmed as the repository stores it.
    form.values.ownerCompany = '甲公司';
    session.sync({ ...stored, leaderInCharge: '李副区长' });
    expect(session.getSnapshot()).toMatchObject({ changed: [], clashes: [] });
  });

  it('never clears a draft another tab wrote since', () => {
    const storage = memoryStorage();
    const a = open(storage, 'tab-a');
    const b = open(storage, 'tab-b');
    a.type({ leaderInCharge: '李副区长' });
    b.type({ ownerCompany: '乙公司' });
    a.session.saved({ ...stored, leaderInCharge: '李副区长' });
    expect(storage.items.get('daiban.draft.project:1')).toBe(
      encodeDraft({ base: stored, values: { ...stored, ownerCompany: '乙公司' } }, 'tab-b'),
    );
  });

  it('says when the record is deleted underneath, keeping what was typed on screen only', () => {
    const { session, storage, type, form } = open();
    type({ leaderInCharge: '李副区长' });
    session.sync(null);
    expect(session.getSnapshot().status).toBe('gone');
    expect(form.values.leaderInCharge).toBe('李副区长');
    expect(storage.items.size).toBe(0);
  });

  it('for a new record, lets untouched fields follow starting values that load late', () => {
    const form = new FakeForm();
    const session = new RecordFormSession<Values>('project:new', form, memoryStorage(), 'tab-a');
    session.sync(stored, { quiet: true });
    form.values.ownerCompany = '乙公司';
    session.edited();
    session.sync({ ...stored, ownerCompany: '丙公司', leaderInCharge: '王小明' }, { quiet: true });
    expect(form.values).toMatchObject({ ownerCompany: '乙公司', leaderInCharge: '王小明' });
    expect(session.getSnapshot().clashes).toEqual([]);
  });
});

import {
  changedFields,
  clashesOf,
  decodeDraft,
  encodeDraft,
  keepMine,
  pickFields,
  rebase,
  sameValue,
  takeTheirs,
  type Clash,
  type Draft,
  type FormValues,
  type RebaseOptions,
} from './record-draft';

const prefix = 'daiban.draft.';

// Tabs of one browser share localStorage, so each kept draft says which tab wrote it: a tab
// clears only its own, never a draft another tab is still keeping.
const thisTab = crypto.randomUUID();

/** The part of an antd FormInstance a session uses (a fake in tests). */
export type FormStore = {
  getFieldsValue: (all: true) => unknown;
  setFields: (fields: { name: string; value: unknown }[]) => void;
};

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type RecordFormState<T extends FormValues> = {
  /** loading: the record is not read yet; gone: it was deleted while the form was open. */
  status: 'loading' | 'open' | 'gone';
  draft: Draft<T> | null;
  /** The stored record as form values (a new record's starting values). */
  stored: T | null;
  /** Fields the user changed, compared with the base. */
  changed: (keyof T & string)[];
  clashes: Clash<T>[];
};

/**
 * One open form of one record: its draft (base and values), kept in localStorage so it survives
 * navigation and reloads, and moved onto the stored record whenever that changes. The antd form
 * holds what the user sees; the session sets it when stored values flow in.
 */
export class RecordFormSession<T extends FormValues> {
  private state: RecordFormState<T> = {
    status: 'loading',
    draft: null,
    stored: null,
    changed: [],
    clashes: [],
  };
  private readonly listeners = new Set<() => void>();
  /** The tab that wrote the draft this form was restored from: its draft is ours now. */
  private restoredFrom: string | undefined;

  constructor(
    private readonly key: string,
    private readonly form: FormStore,
    private readonly storage: DraftStorage = localStorage,
    private readonly writer: string = thisTab,
  ) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = () => this.state;

  /**
   * Takes the latest stored record: undefined while it loads, null once it is deleted. Cheap
   * when nothing changed, so it can run after every render.
   */
  sync(stored: T | null | undefined, options: RebaseOptions<T> = {}) {
    if (stored === undefined) return;
    if (stored === null) {
      if (this.state.status === 'gone') return;
      // Nothing is left to save it to: what the user typed stays on screen, but is not kept.
      this.storage.removeItem(prefix + this.key);
      this.set({ ...this.state, status: 'gone', clashes: [] });
      return;
    }
    const { draft } = this.state;
    if (!draft) {
      this.open(stored, options);
      return;
    }
    if (this.state.status === 'open' && this.state.stored && sameValue(this.state.stored, stored)) {
      return;
    }
    const values = this.read(draft.base);
    const moved = rebase({ base: draft.base, values }, stored, options);
    const updates = Object.keys(moved.values).filter(
      (key) => !sameValue(moved.values[key], values[key]),
    );
    this.form.setFields(updates.map((name) => ({ name, value: moved.values[name] })));
    this.commit(moved, stored);
  }

  /** After the user changed something in the form. */
  edited() {
    const { draft, stored, status } = this.state;
    if (!draft || !stored || status !== 'open') return;
    this.commit({ base: draft.base, values: this.read(draft.base) }, stored);
  }

  keepMine(field: keyof T & string) {
    const { draft, stored } = this.state;
    if (!draft || !stored) return;
    this.commit(
      keepMine({ base: draft.base, values: this.read(draft.base) }, stored, field),
      stored,
    );
  }

  takeTheirs(field: keyof T & string) {
    const { draft, stored } = this.state;
    if (!draft || !stored) return;
    this.form.setFields([{ name: field, value: stored[field] }]);
    this.commit(
      takeTheirs({ base: draft.base, values: this.read(draft.base) }, stored, field),
      stored,
    );
  }

  /**
   * After a successful write of `written`: it is the base now, and anything typed while the write
   * ran is still a change. A new record's form (`written` null) keeps no draft: it goes on from
   * its starting values, and the form decides what it shows next.
   */
  saved(written: T | null) {
    const { draft, stored } = this.state;
    if (!draft || !stored) return;
    const values = this.read(draft.base);
    if (written) {
      this.commit({ base: written, values }, stored);
    } else {
      this.forget();
      this.commit({ base: stored, values }, stored, false);
    }
  }

  /** Back to the stored record; the kept draft goes. */
  discard() {
    const { stored } = this.state;
    if (!stored) return;
    this.form.setFields(Object.keys(stored).map((name) => ({ name, value: stored[name] })));
    this.forget();
    this.commit({ base: stored, values: stored }, stored, false);
  }

  /** Drops the kept draft (取消), unless another tab wrote it since. */
  forget() {
    const saved = decodeDraft(this.storage.getItem(prefix + this.key));
    const ours =
      !saved?.writer || saved.writer === this.writer || saved.writer === this.restoredFrom;
    if (ours) this.storage.removeItem(prefix + this.key);
  }

  private open(stored: T, options: RebaseOptions<T>) {
    const saved = decodeDraft(this.storage.getItem(prefix + this.key));
    let draft: Draft<T> = { base: stored, values: stored };
    if (saved) {
      this.restoredFrom = saved.writer;
      // A draft from before the base was kept has none: its differences count as the user's.
      const base = saved.base ? { ...stored, ...pickKnown(stored, saved.base) } : stored;
      draft = rebase(
        { base, values: { ...stored, ...pickKnown(stored, saved.values) } },
        stored,
        options,
      );
    }
    this.form.setFields(
      Object.keys(draft.values).map((name) => ({ name, value: draft.values[name] })),
    );
    this.commit(draft, stored);
  }

  private read(shape: T): T {
    return pickFields(shape, (this.form.getFieldsValue(true) ?? {}) as Partial<T>);
  }

  private commit(draft: Draft<T>, stored: T, keep = true) {
    const changed = changedFields(draft.base, draft.values);
    if (keep) {
      if (changed.length > 0) {
        this.storage.setItem(prefix + this.key, encodeDraft(draft, this.writer));
      } else {
        this.forget();
      }
    }
    this.set({ status: 'open', draft, stored, changed, clashes: clashesOf(draft, stored) });
  }

  private set(state: RecordFormState<T>) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** The saved fields the form still has (a draft may predate a field's removal). */
function pickKnown<T extends FormValues>(shape: T, saved: FormValues): Partial<T> {
  const known: FormValues = {};
  for (const key of Object.keys(saved)) if (key in shape) known[key] = saved[key];
  return known as Partial<T>;
}

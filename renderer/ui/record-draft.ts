/**
 * What a form has changed, and what to do when the record changes underneath it.
 *
 * A form keeps two copies of its values: `base`, the record as it was when the form opened (or
 * when its draft was started), and `values`, what the user sees. A field is the user's change
 * when its value differs from the base; only those fields are written. When the stored record
 * changes (another window, an import), the draft is rebased: fields the user left alone take the
 * new value, and a field both sides changed to different values is a clash the user decides.
 */

export type FormValues = Record<string, unknown>;

export type Draft<T extends FormValues> = { base: T; values: T };

/** A field the user changed that was also changed underneath, to something else. */
export type Clash<T extends FormValues> = {
  field: keyof T & string;
  mine: unknown;
  theirs: unknown;
};

/**
 * Structural equality of form values: key order does not matter, and null, undefined and a
 * missing key are the same (a cleared select gives undefined where the record holds null).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

function keysOf<T extends FormValues>(...objects: T[]): (keyof T & string)[] {
  return [...new Set(objects.flatMap((object) => Object.keys(object)))];
}

/** The fields whose value differs between the base and the form. */
export function changedFields<T extends FormValues>(base: T, values: T): (keyof T & string)[] {
  return keysOf(base, values).filter((key) => !sameValue(base[key], values[key]));
}

/** The clashes of a draft with the stored record: changed by both, to different values. */
export function clashesOf<T extends FormValues>(draft: Draft<T>, stored: T): Clash<T>[] {
  const { base, values } = draft;
  return keysOf(base, values, stored)
    .filter(
      (key) =>
        !sameValue(values[key], base[key]) &&
        !sameValue(stored[key], base[key]) &&
        !sameValue(stored[key], values[key]),
    )
    .map((field) => ({ field, mine: values[field], theirs: stored[field] }));
}

export type RebaseOptions<T extends FormValues> = {
  /**
   * Fields holding sets (helper-agents, stages, paused intervals): two people's additions and
   * removals both apply, so they never clash.
   */
  setFields?: readonly (keyof T & string)[];
  /**
   * A new record's form: its starting values may change (the user's name loads), but nobody else
   * edits it, so the user's changes simply stand.
   */
  quiet?: boolean;
};

/** My additions and removals (base → mine) applied to their set. */
export function mergeSet(base: unknown[], mine: unknown[], theirs: unknown[]): unknown[] {
  const has = (list: unknown[], item: unknown) => list.some((other) => sameValue(other, item));
  const removed = base.filter((item) => !has(mine, item));
  const added = mine.filter((item) => !has(base, item));
  const kept = theirs.filter((item) => !has(removed, item));
  return [...kept, ...added.filter((item) => !has(kept, item))];
}

/**
 * The draft moved onto a new stored record: untouched fields take the stored value, a field
 * changed the same way on both sides is no longer a change, sets merge, and a field changed to
 * different values on both sides stays as the user has it, a clash (see clashesOf).
 */
export function rebase<T extends FormValues>(
  draft: Draft<T>,
  stored: T,
  options: RebaseOptions<T> = {},
): Draft<T> {
  const base = { ...draft.base };
  const values = { ...draft.values };
  const set = (key: keyof T & string, value: unknown) => {
    (base as FormValues)[key] = value;
  };
  for (const key of keysOf(draft.base, draft.values, stored)) {
    const before = draft.base[key];
    const mine = draft.values[key];
    const theirs = stored[key];
    if (sameValue(theirs, before)) continue;
    if (sameValue(mine, before)) {
      (values as FormValues)[key] = theirs;
      set(key, theirs);
    } else if (sameValue(mine, theirs) || options.quiet) {
      set(key, theirs);
    } else if (
      options.setFields?.includes(key) &&
      Array.isArray(before) &&
      Array.isArray(mine) &&
      Array.isArray(theirs)
    ) {
      (values as FormValues)[key] = mergeSet(before, mine, theirs);
      set(key, theirs);
    }
  }
  return { base, values };
}

/** The user keeps their value of a clashing field: it will overwrite the stored one, knowingly. */
export function keepMine<T extends FormValues>(
  draft: Draft<T>,
  stored: T,
  field: keyof T,
): Draft<T> {
  return { base: { ...draft.base, [field]: stored[field] }, values: draft.values };
}

/** The user takes the stored value of a clashing field: it is no longer their change. */
export function takeTheirs<T extends FormValues>(
  draft: Draft<T>,
  stored: T,
  field: keyof T,
): Draft<T> {
  return {
    base: { ...draft.base, [field]: stored[field] },
    values: { ...draft.values, [field]: stored[field] },
  };
}

/**
 * The patch to write: the fields of the validated `input` whose record value differs between
 * the base and the form. Both are mapped to record fields with the same function first, so a
 * form field that stands for several record fields (or one field for several form fields, as
 * a time limit's days and unit) is compared as the record holds it.
 */
export function patchOf<I extends object>(
  input: I,
  baseRecord: FormValues,
  formRecord: FormValues,
): Partial<I> {
  const patch: Partial<I> = {};
  for (const key of Object.keys(input) as (keyof I & string)[]) {
    if (!sameValue(baseRecord[key], formRecord[key])) patch[key] = input[key];
  }
  return patch;
}

/** The fields of `values` the form knows (the keys of `shape`), nothing else of the form store. */
export function pickFields<T extends FormValues>(shape: T, values: Partial<T>): T {
  const picked: FormValues = {};
  for (const key of Object.keys(shape)) picked[key] = values[key];
  return picked as T;
}

/**
 * A stored record's own fields, as a schema's shape names them: no id or times, nor anything the
 * database keeps beside them.
 */
export function fieldsOf<S extends object, R extends { [K in keyof S]: unknown }>(
  shape: S,
  record: R,
): Pick<R, keyof S> {
  const fields: FormValues = {};
  for (const key of Object.keys(shape)) fields[key] = record[key as keyof S];
  return fields as Pick<R, keyof S>;
}

/** A kept draft as written to localStorage: who wrote it (one tab of several), base and values. */
export type SavedDraft = { writer?: string; base?: FormValues; values: FormValues };

// Entries rather than an object, so a field cleared to undefined survives JSON as undefined.
type Entries = ([string] | [string, unknown])[];

const encodeValues = (values: FormValues): Entries =>
  Object.entries(values).map(([key, value]) => (value === undefined ? [key] : [key, value]));

function decodeValues(entries: unknown): FormValues | null {
  if (!Array.isArray(entries)) return null;
  const values: FormValues = {};
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return null;
    values[entry[0]] = entry.length > 1 ? (entry[1] as unknown) : undefined;
  }
  return values;
}

export function encodeDraft(draft: Draft<FormValues>, writer: string): string {
  return JSON.stringify({
    version: 2,
    writer,
    base: encodeValues(draft.base),
    values: encodeValues(draft.values),
  });
}

/**
 * Reads a kept draft; null when there is none or it is unreadable. Drafts written before the
 * base was kept are a plain object of values: they come back without a base.
 */
export function decodeDraft(text: string | null): SavedDraft | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const saved = parsed as Record<string, unknown>;
  if (saved.version !== 2) return { values: saved };
  const base = decodeValues(saved.base);
  const values = decodeValues(saved.values);
  if (!base || !values) return null;
  return { writer: typeof saved.writer === 'string' ? saved.writer : undefined, base, values };
}

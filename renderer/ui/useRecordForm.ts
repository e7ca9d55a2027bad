import { App, type FormInstance } from 'antd';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { patchOf, type FormValues } from './record-draft';
import { RecordFormSession, type FormStore } from './record-form-session';
import { writeErrorText } from './write-error';

export type RecordFormOptions<T extends FormValues> = {
  form: FormInstance<T>;
  /** Where the draft is kept across navigation and reloads: one key per record's form. */
  draftKey: string;
  /** Fields holding sets: both sides' additions and removals apply instead of clashing. */
  setFields?: readonly (keyof T & string)[];
} & (
  | {
      /** The stored record as form values, live: undefined while it loads, null once deleted. */
      stored: T | null | undefined;
    }
  | {
      /** A new record's starting values. */
      initial: T;
    }
);

export type SaveSpec<T extends FormValues, I extends object> = {
  /**
   * The record fields the form stands for, before validation: applied alike to the base and to
   * the form, so only the record fields the user changed are written.
   */
  toRecord: (values: T) => FormValues;
  /** The full input, or null after showing the problems beside their fields. */
  validate: (values: T, base: T) => I | null;
  /** Writes: `patch` holds the changed fields of a stored record, everything of a new one. */
  write: (input: I, patch: Partial<I>) => Promise<unknown>;
};

/**
 * saved; unchanged (nothing to write, so nothing was); blocked (a clash is undecided or the
 * record is gone: the user was told); invalid (shown beside the fields); failed (told).
 */
export type SaveOutcome = 'saved' | 'unchanged' | 'blocked' | 'invalid' | 'failed';

/**
 * The one shape of every form that edits a record: a draft kept across navigation and reloads
 * with the base it was started from, moved onto the stored record when that changes underneath
 * (untouched fields follow, differing changes of both sides become clashes the user decides),
 * and a save that writes only what the user changed. Pass `onValuesChange` to the <Form> and
 * show <ChangedUnderneathAlert> beside it.
 */
export function useRecordForm<T extends FormValues>(options: RecordFormOptions<T>) {
  const { form, draftKey, setFields } = options;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isNew = 'initial' in options;
  const target = isNew ? options.initial : options.stored;
  const session = useMemo(
    () => new RecordFormSession<T>(draftKey, formStore(form)),
    [draftKey, form],
  );
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    session.sync(target, { setFields, quiet: isNew });
  }, [session, target, setFields, isNew]);

  async function save<I extends object>(spec: SaveSpec<T, I>): Promise<SaveOutcome> {
    session.edited();
    const current = session.getSnapshot();
    const { draft } = current;
    if (current.status === 'gone' || !draft) {
      void message.error(t('recordForm.gone'));
      return 'blocked';
    }
    if (current.clashes.length > 0) {
      void message.warning(t('recordForm.decideFirst'));
      return 'blocked';
    }
    const { base, values } = draft;
    if (!isNew && current.changed.length === 0) {
      session.saved(values);
      return 'unchanged';
    }
    const input = spec.validate(values, base);
    if (!input) return 'invalid';
    const patch = isNew ? input : patchOf(input, spec.toRecord(base), spec.toRecord(values));
    if (Object.keys(patch).length === 0) {
      session.saved(values);
      return 'unchanged';
    }
    setSaving(true);
    try {
      await spec.write(input, patch);
      session.saved(isNew ? null : values);
      return 'saved';
    } catch (error) {
      void message.error(writeErrorText(error, t));
      return 'failed';
    } finally {
      setSaving(false);
    }
  }

  /**
   * Closes the drawer or modal the form is in: at once when nothing was changed, else after asking,
   * so unsaved input is never dropped in silence. The kept draft goes only when the user agrees.
   */
  function close(onClosed: () => void) {
    session.edited();
    const current = session.getSnapshot();
    if (current.status === 'gone' || current.changed.length === 0) {
      session.forget();
      onClosed();
      return;
    }
    void modal.confirm({
      title: t('recordForm.closeTitle'),
      content: t('recordForm.closeContent', { count: current.changed.length }),
      okText: t('recordForm.discardAndClose'),
      okButtonProps: { danger: true },
      cancelText: t('recordForm.keepEditing'),
      onOk: () => {
        session.forget();
        onClosed();
      },
    });
  }

  return {
    status: state.status,
    /** Fields the user changed; empty when there is nothing to save. */
    changed: state.changed,
    clashes: state.clashes,
    saving,
    /** Pass to <Form onValuesChange>, and call after setting fields by code. */
    onValuesChange: () => session.edited(),
    keepMine: (field: keyof T & string) => session.keepMine(field),
    takeTheirs: (field: keyof T & string) => session.takeTheirs(field),
    /** Back to the stored record (a new record's starting values); the kept draft goes. */
    discard: () => session.discard(),
    /** Drops the kept draft, leaving the form as it is. */
    forget: () => session.forget(),
    close,
    save,
  };
}

export type RecordForm<T extends FormValues> = ReturnType<typeof useRecordForm<T>>;

function formStore<T extends FormValues>(typed: FormInstance<T>): FormStore {
  // Field names are the record's own keys: the untyped instance takes them without casts.
  const form: FormInstance = typed;
  return {
    getFieldsValue: () => form.getFieldsValue(true) as unknown,
    // Whole values per top-level field: setFieldsValue would merge arrays and objects.
    setFields: (fields) =>
      form.setFields(fields.map(({ name, value }) => ({ name: [name], value }))),
  };
}

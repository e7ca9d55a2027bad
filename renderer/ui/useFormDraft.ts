import type { FormInstance } from 'antd';
import { useCallback, useEffect } from 'react';

const prefix = 'daiban.draft.';

/**
 * Keeps what the user typed in a form across navigation and reloads: values are saved on every
 * change under `key` and put back when the form opens again, until the form is saved or cancelled.
 */
export function useFormDraft<T extends object>(form: FormInstance<T>, key: string, initial: T) {
  useEffect(() => {
    const saved = localStorage.getItem(prefix + key);
    let values: T = initial;
    if (saved) {
      try {
        values = { ...initial, ...(JSON.parse(saved) as Partial<T>) };
      } catch {
        localStorage.removeItem(prefix + key);
      }
    }
    form.setFieldsValue(values);
    // The initial values only matter when the form opens for a record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, key]);

  const save = useCallback(() => {
    localStorage.setItem(prefix + key, JSON.stringify(form.getFieldsValue(true)));
  }, [form, key]);

  const clear = useCallback(() => localStorage.removeItem(prefix + key), [key]);

  const hasDraft = useCallback(() => localStorage.getItem(prefix + key) !== null, [key]);

  /** Pass to <Form onValuesChange>. */
  return { onValuesChange: save, clear, hasDraft };
}

import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Validates form values with a shared schema and shows each problem in Chinese beside its field.
 * Returns the parsed values, or null when there were problems.
 */
export function parseForm<T>(
  form: FormInstance,
  schema: z.ZodType<T>,
  values: unknown,
  t: TFunction,
): T | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of parsed.error.issues) {
    const name = issue.path.filter((part) => typeof part !== 'symbol');
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(t(issue.message, messageValues(issue)));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return null;
}

/** What a message may name: a custom issue's params, or the limit of a too long or too large value. */
function messageValues(issue: z.core.$ZodIssue): Record<string, unknown> {
  if (issue.code === 'custom') return issue.params ?? {};
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum) };
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum) };
  return {};
}

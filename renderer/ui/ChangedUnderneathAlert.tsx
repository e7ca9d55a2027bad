import { Alert, Button, Flex, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FormValues } from './record-draft';
import type { RecordForm } from './useRecordForm';

/** How a field's value reads in Chinese, for fields whose raw value means nothing to users. */
export type ValueDescribers<T extends FormValues> = {
  [K in keyof T]?: (value: T[K]) => string;
};

/** A value as users read it: empty, 是/否, lists with 、. */
export function describeValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('recordForm.empty');
  if (typeof value === 'boolean') return t(value ? 'recordForm.yes' : 'recordForm.no');
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('recordForm.empty')
      : value.map((item) => describeValue(item, t)).join('、');
  }
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .filter((item) => item !== null && item !== undefined && item !== '')
      .map((item) => describeValue(item, t))
      .join(' ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Labels of an enumeration's values (`projectStatus.active` → 在办), one or a list. */
export function enumText(t: TFunction, prefix: string) {
  return (value: unknown): string => {
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0 || values.every((item) => item === null || item === undefined)) {
      return t('recordForm.empty');
    }
    return values.map((item) => t(`${prefix}.${String(item)}`)).join('、');
  };
}

type Props<T extends FormValues> = {
  editor: Pick<RecordForm<T>, 'status' | 'clashes' | 'keepMine' | 'takeTheirs'>;
  /** Labels of fields without a `fieldLabel.*` key, or with a better one in this form. */
  labels?: { [K in keyof T]?: string };
  describe?: ValueDescribers<T>;
};

/**
 * Beside a record's form: says the record was deleted underneath, or which fields were changed
 * underneath to other values than the user's, with both values and a choice per field.
 */
export function ChangedUnderneathAlert<T extends FormValues>({
  editor,
  labels,
  describe,
}: Props<T>) {
  const { t } = useTranslation();
  if (editor.status === 'gone') {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="record-gone"
        title={t('recordForm.gone')}
      />
    );
  }
  if (editor.clashes.length === 0) return null;
  const text = (field: keyof T & string, value: unknown) => {
    const describer = describe?.[field];
    return describer ? describer(value as T[typeof field]) : describeValue(value, t);
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="record-clashes"
      title={t('recordForm.changedUnderneath')}
      description={
        <Flex vertical gap={6}>
          {editor.clashes.map(({ field, mine, theirs }) => (
            <Flex key={field} gap={12} align="center" wrap data-testid="record-clash">
              <Typography.Text strong>
                {labels?.[field] ?? t(`fieldLabel.${field}`)}
              </Typography.Text>
              <span>{t('recordForm.theirs', { value: text(field, theirs) })}</span>
              <span>{t('recordForm.mine', { value: text(field, mine) })}</span>
              <Flex gap={4}>
                <Button size="small" onClick={() => editor.keepMine(field)}>
                  {t('recordForm.keepMine')}
                </Button>
                <Button size="small" onClick={() => editor.takeTheirs(field)}>
                  {t('recordForm.takeTheirs')}
                </Button>
              </Flex>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}

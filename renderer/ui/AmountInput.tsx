import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readAmount } from './amount-text';

type Props = {
  /** 万元; null when empty; until corrected, the text typed that is no amount. */
  value?: number | string | null;
  onChange?: (value: number | string | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
};

/**
 * An amount in 万元 that takes what clerks type — 50000, 5亿元, 5000万 — and keeps, with a message
 * beside it, what it cannot read (五亿元), where a number field would empty itself on blur. The
 * kept text is refused by the form's schema, so it is never saved as something else.
 */
export function AmountInput({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const { errors } = Form.Item.useStatus();
  // The text as typed while the field has focus; the value's own text otherwise.
  const [editing, setEditing] = useState<string | null>(null);
  const unreadable = typeof value === 'string' && value !== '';
  const shown = editing ?? (value === null || value === undefined ? '' : String(value));
  return (
    <span style={{ display: 'block', width: '100%' }}>
      <Input
        {...rest}
        value={shown}
        suffix={t('recordForm.tenThousandYuan')}
        status={unreadable && editing === null ? 'error' : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setEditing(text);
          onChange?.(text.trim() === '' ? null : (readAmount(text) ?? text.trim()));
        }}
        onBlur={() => setEditing(null)}
      />
      {unreadable && editing === null && errors.length === 0 && (
        <span role="alert" className="field-unreadable" data-testid="unreadable-amount">
          {t('recordForm.unreadableAmount', { text: value })}
        </span>
      )}
    </span>
  );
}

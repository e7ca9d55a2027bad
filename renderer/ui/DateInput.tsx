import generateConfig from '@rc-component/picker/generate/dateFns';
import { DatePicker, Form } from 'antd';
import { format, isValid, parse, parseISO } from 'date-fns';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../shared/calendar/iso-date';

// antd's picker on date-fns (not dayjs): one date library for the whole app.
const DateFnsPicker = DatePicker.generatePicker<Date>(generateConfig);

/** Display first; the others are accepted when typed, so dates can be keyed in fast. */
const formats = ['yyyy-MM-dd', 'yyyy-M-d', 'yyyyMMdd', 'yyyy/M/d', 'yyyy.M.d', 'yyyy年M月d日'];
const referenceDate = new Date(2000, 0, 1);

/** The day typed text stands for in one of the accepted forms, or undefined. */
export function readTypedDate(text: string): string | undefined {
  const trimmed = text.trim();
  for (const pattern of formats) {
    const date = parse(trimmed, pattern, referenceDate);
    // date-fns rolls nothing over, but a two-digit year would parse: four digits only.
    if (isValid(date) && date.getFullYear() >= 1000 && format(date, pattern) === trimmed) {
      return format(date, 'yyyy-MM-dd');
    }
  }
  return undefined;
}

type Props = {
  /** A stored 'yyyy-MM-dd' date, null, or — until corrected — the text typed that is no date. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'aria-label'?: string;
};

/**
 * A date field whose value is a plain 'yyyy-MM-dd' string (or null), as stored. Text that is no
 * date (2026-02-30) is not dropped when the field is left, as the picker alone would do: it becomes
 * the value, so the form's schema refuses to save it, and a message beside the field says so.
 */
export function DateInput({ value, onChange, allowClear = true, ...rest }: Props) {
  const { t } = useTranslation();
  const { errors } = Form.Item.useStatus();
  // What was typed since the picker last took a date: the picker forgets it on blur.
  const typed = useRef<string | null>(null);
  const unreadable = typeof value === 'string' && value !== '' && !isIsoDate(value);
  const date = value && !unreadable ? parseISO(value) : null;

  function leave() {
    const text = typed.current;
    typed.current = null;
    if (text === null) return;
    if (text.trim() === '') {
      if (unreadable) onChange?.(null);
      return;
    }
    const read = readTypedDate(text);
    if (read !== value) onChange?.(read ?? text.trim());
  }

  return (
    <span
      style={{ display: 'block', width: '100%' }}
      onInputCapture={(event) => {
        if (event.target instanceof HTMLInputElement) typed.current = event.target.value;
      }}
      // Capture: this runs before the picker's own blur handling resets the text.
      onBlurCapture={leave}
    >
      <DateFnsPicker
        {...rest}
        // The text that could not be taken stays in sight (greyed) while it awaits correction.
        placeholder={unreadable ? value : rest.placeholder}
        value={date && isValid(date) ? date : null}
        format={formats}
        allowClear={allowClear}
        status={unreadable ? 'error' : undefined}
        onChange={(picked) => {
          typed.current = null;
          onChange?.(picked ? format(picked, 'yyyy-MM-dd') : null);
        }}
        style={{ width: '100%' }}
      />
      {unreadable && errors.length === 0 && (
        <span role="alert" className="field-unreadable" data-testid="unreadable-date">
          {t('recordForm.unreadableDate', { text: value })}
        </span>
      )}
    </span>
  );
}

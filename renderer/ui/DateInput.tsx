import generateConfig from '@rc-component/picker/generate/dateFns';
import { DatePicker } from 'antd';
import { format, isValid, parseISO } from 'date-fns';

// antd's picker on date-fns (not dayjs): one date library for the whole app.
const DateFnsPicker = DatePicker.generatePicker<Date>(generateConfig);

/** Display first; the others are accepted when typed, so dates can be keyed in fast. */
const formats = ['yyyy-MM-dd', 'yyyyMMdd', 'yyyy/M/d', 'yyyy.M.d'];

type Props = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'aria-label'?: string;
};

/** A date field whose value is a plain 'yyyy-MM-dd' string (or null), as stored. */
export function DateInput({ value, onChange, allowClear = true, ...rest }: Props) {
  const date = value ? parseISO(value) : null;
  return (
    <DateFnsPicker
      {...rest}
      value={date && isValid(date) ? date : null}
      format={formats}
      allowClear={allowClear}
      onChange={(picked) => onChange?.(picked ? format(picked, 'yyyy-MM-dd') : null)}
      style={{ width: '100%' }}
    />
  );
}

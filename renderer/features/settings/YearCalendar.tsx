import { Typography } from 'antd';
import { getDaysInMonth, getISODay, isWeekend } from 'date-fns';
import { useTranslation } from 'react-i18next';

type Props = {
  year: number;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
};

const pad = (value: number) => String(value).padStart(2, '0');
const holidayColor = '#cf1322';
const makeUpColor = '#0958d9';

/**
 * A year's twelve months on one screen, days off in red (休) and make-up workdays in blue (班), so a
 * pasted notice is checked as it is usually seen — on a wall calendar — before it is saved.
 */
export function YearCalendar({ year, holidays, makeUpWorkdays }: Props) {
  const { t } = useTranslation();
  const off = new Set(holidays);
  const worked = new Set(makeUpWorkdays);
  const weekdayNames = Array.from(t('teamSettings.scheduleEditor.weekdays'));
  return (
    <div data-testid="year-calendar">
      <Typography.Text strong>
        {t('teamSettings.scheduleEditor.calendarTitle', { year })}
      </Typography.Text>
      <span style={{ marginLeft: 12, color: holidayColor }}>
        ■ {t('teamSettings.scheduleEditor.calendarHoliday')}
      </span>
      <span style={{ marginLeft: 8, color: makeUpColor }}>
        ■ {t('teamSettings.scheduleEditor.calendarMakeUp')}
      </span>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(4, 1fr)',
          gap: 8,
          marginTop: 6,
        }}
      >
        {Array.from({ length: 12 }, (_, index) => {
          const month = index + 1;
          const first = new Date(year, index, 1);
          // Monday first, as Chinese calendars print weeks.
          const lead = getISODay(first) - 1;
          const cells = [
            ...Array.from({ length: lead }, () => null),
            ...Array.from({ length: getDaysInMonth(first) }, (_, day) => day + 1),
          ];
          return (
            <table
              key={month}
              aria-label={t('teamSettings.scheduleEditor.month', { month })}
              style={{ borderCollapse: 'collapse', fontSize: 11, width: '100%' }}
            >
              <caption style={{ fontSize: 12, fontWeight: 600, textAlign: 'left' }}>
                {t('teamSettings.scheduleEditor.month', { month })}
              </caption>
              <thead>
                <tr>
                  {weekdayNames.map((name, column) => (
                    <th key={column} style={{ fontWeight: 400, color: '#888' }}>
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: Math.ceil(cells.length / 7) }, (_, row) => (
                  <tr key={row}>
                    {cells.slice(row * 7, row * 7 + 7).map((day, column) => {
                      if (day === null) return <td key={column} />;
                      const date = `${year}-${pad(month)}-${pad(day)}`;
                      const kind = off.has(date) ? 'holiday' : worked.has(date) ? 'makeUp' : null;
                      const label = t('teamSettings.scheduleEditor.calendarDay', { month, day });
                      return (
                        <td
                          key={column}
                          data-date={date}
                          data-kind={kind ?? undefined}
                          aria-label={
                            kind
                              ? `${label} ${t(
                                  kind === 'holiday'
                                    ? 'teamSettings.scheduleEditor.calendarHoliday'
                                    : 'teamSettings.scheduleEditor.calendarMakeUp',
                                )}`
                              : label
                          }
                          style={{
                            textAlign: 'center',
                            padding: 1,
                            color: kind
                              ? '#fff'
                              : isWeekend(new Date(year, index, day))
                                ? '#999'
                                : undefined,
                            background:
                              kind === 'holiday'
                                ? holidayColor
                                : kind === 'makeUp'
                                  ? makeUpColor
                                  : undefined,
                            borderRadius: 2,
                          }}
                        >
                          {day}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}

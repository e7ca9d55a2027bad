import { Alert, Button, Space } from 'antd';
import { getYear, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import { useToday } from '../../ui/useToday';

type Props = {
  calendar: WorkingDayCalendar;
  /** Opens the editor to enter a missing year. */
  onEnter: () => void;
};

/**
 * Deadlines in a year without holiday data count weekends only. This year and next are the ones
 * open deadlines run into, so a missing one is said out loud (the State Council publishes next
 * year's schedule around November).
 */
export function HolidayCoverageAlert({ calendar, onEnter }: Props) {
  const { t } = useTranslation();
  const thisYear = getYear(parseISO(useToday()));
  const missing = [thisYear, thisYear + 1].filter((year) => !calendar.hasHolidayData(year));
  if (missing.length === 0) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {missing.map((year) => (
        <Alert
          key={year}
          type="warning"
          showIcon
          data-testid="holiday-missing"
          title={t('teamSettings.holidays.missing', { year })}
          action={
            <Button size="small" onClick={onEnter}>
              {t('teamSettings.holidays.missingAction', { year })}
            </Button>
          }
        />
      ))}
    </Space>
  );
}

import { format } from 'date-fns';
import { useEffect, useState } from 'react';

const todayString = () => format(new Date(), 'yyyy-MM-dd');

/** Today as 'yyyy-MM-dd', updated when the date changes while the app stays open. */
export function useToday(): string {
  const [today, setToday] = useState(todayString);
  useEffect(() => {
    const timer = setInterval(() => setToday(todayString()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A link may name a record of the tab to open (`?tab=items&open=<id>`, see
 * features/search/record-link.ts): search and reminders jump straight to it. Once the record is
 * among the tab's rows it is opened and the name leaves the address, so going back or reloading
 * does not open it again.
 */
export function useOpenLinked<Row extends { id: string }>(
  rows: readonly Row[],
  open: (row: Row) => void,
): void {
  const [search, setSearch] = useSearchParams();
  const wanted = search.get('open');
  const opener = useRef(open);
  useEffect(() => {
    opener.current = open;
  });
  useEffect(() => {
    if (!wanted) return;
    const row = rows.find((each) => each.id === wanted);
    if (!row) return;
    opener.current(row);
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('open');
        return next;
      },
      { replace: true },
    );
  }, [wanted, rows, setSearch]);
}

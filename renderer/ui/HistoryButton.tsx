import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Timeline, Typography } from 'antd';
import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHistory, useRecordNames } from '../db/useHistory';
import { fieldLabel, recordValueText, referencedIds } from './record-values';

function HistoryList({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const history = useHistory(recordId);
  const ids = (history ?? []).flatMap((change) =>
    Object.entries(change.fields).flatMap(([field, [before, after]]) => [
      ...referencedIds(change.table, field, before),
      ...referencedIds(change.table, field, after),
    ]),
  );
  const names = useRecordNames(ids);
  if (history?.length === 0) return <Empty />;
  return (
    <Timeline
      items={history?.map((change) => {
        const text = (field: string, value: unknown) =>
          recordValueText(change.table, field, value, t, (id) => names?.get(id));
        return {
          key: change.id,
          children: (
            <>
              <Typography.Text strong>
                {format(new Date(change.at), 'yyyy-MM-dd HH:mm')}{' '}
                {change.by ? `${change.by.name}（${change.by.unit}）` : t('history.unknownAuthor')}
                {t(`history.${change.op}`)}
                {change.via !== 'local' &&
                  change.via !== 'legacy' &&
                  t(`history.via.${change.via}`, { origin: change.origin })}
              </Typography.Text>
              {change.op === 'update' && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {Object.entries(change.fields).map(([field, [before, after]]) => (
                    <li key={field} data-testid="history-change">
                      {fieldLabel(change.table, field, t)}：{text(field, before)} →{' '}
                      {text(field, after)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ),
        };
      })}
    />
  );
}

/** Who changed this record and when: every write is logged by the repositories. */
export function HistoryButton({ recordId, title }: { recordId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setOpen(true)}>
        {t('history.button')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={`${t('history.title')}：${title}`}
        size="large"
      >
        {open && <HistoryList recordId={recordId} />}
      </Drawer>
    </>
  );
}

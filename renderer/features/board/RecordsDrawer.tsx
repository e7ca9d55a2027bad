import { Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardEntry } from '../../../shared/dashboard/board';

export type OpenRecords = { title: string; entries: BoardEntry[] } | null;

type Props = { open: OpenRecords; projector: boolean; onClose: () => void };

const recordLink = (entry: BoardEntry) =>
  `/projects/${entry.projectId}?tab=${entry.table === 'approvalItems' ? 'items' : 'overview'}`;

/** The records behind a bar or a count, each a link to its record. */
export function RecordsDrawer({ open, projector, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open !== null}
      onClose={onClose}
      title={open?.title}
      size={projector ? 1100 : 760}
      destroyOnHidden
    >
      <Table<BoardEntry>
        size="small"
        rowKey="key"
        dataSource={open?.entries ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: t('board.record'),
            key: 'record',
            render: (_, entry) => <Link to={recordLink(entry)}>{entry.title}</Link>,
          },
          {
            title: t('board.project'),
            key: 'project',
            render: (_, entry) =>
              entry.table === 'projects' ? null : (
                <Link to={`/projects/${entry.projectId}`}>{entry.projectName}</Link>
              ),
          },
          { title: t('board.department'), dataIndex: 'department' },
          { title: t('board.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('board.workingDays'),
            key: 'days',
            render: (_, entry) =>
              entry.workingDays === null ? null : entry.dueDate ? (
                <Tag color="red">{t('board.overdueBy', { count: entry.workingDays })}</Tag>
              ) : (
                entry.workingDays
              ),
          },
        ]}
      />
    </Drawer>
  );
}

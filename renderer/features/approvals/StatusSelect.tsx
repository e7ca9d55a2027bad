import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  itemTransitions,
  transitionItem,
  type ApprovalItem,
  type ItemStatus,
} from '../../../shared/domain/approval-item';
import { repositories } from '../../db';

const statusColors: Partial<Record<ItemStatus, string>> = {
  approved: '#389e0d',
  refused: '#cf1322',
  returned: '#d46b08',
  accepted: '#1677ff',
  reviewing: '#1677ff',
};

/** Moves an item along its lifecycle in one step; the date the new status stands for is today. */
export function StatusSelect({ item, today }: { item: ApprovalItem; today: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choices = [item.status, ...itemTransitions[item.status]];

  async function change(to: ItemStatus) {
    const moved = transitionItem(item, to, today);
    if (!moved.ok) {
      void message.error(t(moved.error));
      return;
    }
    await repositories.approvalItems.update(item.id, moved.changes);
    void message.success(t('item.statusChanged', { status: t(`itemStatus.${to}`) }));
  }

  return (
    <Select
      size="small"
      variant="borderless"
      value={item.status}
      aria-label={t('item.status')}
      style={{ width: 110, color: statusColors[item.status] }}
      popupMatchSelectWidth={false}
      options={choices.map((status) => ({ value: status, label: t(`itemStatus.${status}`) }))}
      onChange={(to) => void change(to)}
    />
  );
}

import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The question asked before deleting; defaults to “确定删除？”. */
  title?: ReactNode;
  description?: ReactNode;
  onConfirm: () => void;
  /** A link in a table row (default) or a plain button in a page header. */
  link?: boolean;
};

/** Delete, after a confirmation: every record of the app is deleted this one way. */
export function DeleteButton({ title, description, onConfirm, link = true }: Props) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={title ?? t('common.confirmDelete')}
      description={description && <div style={{ maxWidth: 300 }}>{description}</div>}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button type={link ? 'link' : 'default'} size="small" danger>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

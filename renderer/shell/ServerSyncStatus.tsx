import { CloudSyncOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServerSync } from '../db/useServerSync';
import { serverFailureText } from '../features/sync/server-failure-text';

const stateColors = {
  synced: 'success',
  syncing: 'processing',
  offline: 'default',
  error: 'error',
};

/**
 * The team server's sync as the app's frame always shows it: 已同步 / 同步中 / 离线 / 出错, what
 * is waiting to be sent, when it last synced, and the error in words. A click opens 同步.
 */
export function ServerSyncStatus() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sync = useServerSync();
  if (!sync) return null;
  const open = () => void navigate('/sync');
  if (!sync.config) {
    return (
      <div className="server-sync-status" data-testid="sync-status" onClick={open}>
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> {t('serverSync.notJoined')}
        </Typography.Text>
      </div>
    );
  }
  const status = sync.status;
  const state = sync.locked && status?.state !== 'syncing' ? 'error' : (status?.state ?? 'syncing');
  const error = sync.locked
    ? t('serverSync.failure.needsPassphrase')
    : status?.error && state !== 'synced' && state !== 'syncing'
      ? serverFailureText(status.error, t)
      : null;
  const last = status?.lastSyncedAt
    ? t('serverSync.lastSynced', { time: format(new Date(status.lastSyncedAt), 'MM-dd HH:mm') })
    : t('serverSync.never');
  return (
    <div className="server-sync-status" data-testid="sync-status" onClick={open}>
      <Tooltip title={error}>
        <Tag color={stateColors[state]} icon={<CloudSyncOutlined spin={state === 'syncing'} />}>
          <span data-testid="sync-state">{t(`serverSync.state.${state}`)}</span>
        </Tag>
      </Tooltip>
      <Typography.Text type="secondary" className="server-sync-line" data-testid="sync-pending">
        {sync.pending > 0 ? t('serverSync.pending', { count: sync.pending }) : last}
      </Typography.Text>
      {status?.progress && (
        <Typography.Text type="secondary" className="server-sync-line">
          {status.progress.total
            ? t('serverSync.receiving', status.progress)
            : t('serverSync.receivingUnknown', status.progress)}
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" className="server-sync-line" data-testid="sync-error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

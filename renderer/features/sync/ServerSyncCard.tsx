import { CloudSyncOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Progress,
  Space,
  Typography,
} from 'antd';
import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import {
  joinServer,
  leaveServer,
  syncNow,
  unlockServer,
  type SyncOutcome,
} from '../../db/server-sync-client';
import { useServerSync } from '../../db/useServerSync';
import { minPassphraseLength } from '../../../shared/sync/passphrase-key';
import { isLongEnoughPassphrase } from '../../../shared/sync/team-crypto';
import { serverFailureText } from './server-failure-text';

type JoinValues = { address: string; code: string; passphrase?: string };

/**
 * 团队服务器: join the team's sync server with its address and a one-time code (and the team
 * passphrase when the team encrypts); once joined, what syncs where, the status, a fill's
 * progress, 立即同步, and leaving. Rounds run by themselves (server-sync-worker.ts).
 */
export function ServerSyncCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const sync = useServerSync();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [form] = Form.useForm<JoinValues>();

  async function act(work: () => Promise<SyncOutcome>, done: () => void) {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await work();
      if (outcome.ok) done();
      else setProblem(serverFailureText(outcome.failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function join(values: JoinValues) {
    const actor = await repositories.loadActor();
    await act(
      () =>
        joinServer({
          address: values.address,
          code: values.code,
          deviceName: actor ? `${actor.name}（${actor.unit}）` : '',
          ...(values.passphrase ? { passphrase: values.passphrase } : {}),
        }),
      () => form.resetFields(),
    );
  }

  if (!sync) return null;
  const { config, status } = sync;

  if (!config) {
    return (
      <Card size="small" title={t('serverSync.title')} data-testid="server-sync">
        <Typography.Paragraph>{t('serverSync.intro')}</Typography.Paragraph>
        <Form<JoinValues>
          form={form}
          name="serverJoin"
          layout="vertical"
          style={{ maxWidth: 560 }}
          onFinish={(values) => void join(values)}
          requiredMark={false}
        >
          <Form.Item
            name="address"
            label={t('serverSync.address')}
            rules={[{ required: true, whitespace: true, message: t('serverSync.addressRequired') }]}
          >
            <Input placeholder={t('serverSync.addressPlaceholder')} autoComplete="url" />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('serverSync.code')}
            rules={[{ required: true, whitespace: true, message: t('serverSync.codeRequired') }]}
          >
            <Input placeholder={t('serverSync.codePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="passphrase"
            label={t('serverSync.passphrase')}
            extra={t('serverSync.passphraseHelp')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  !value || isLongEnoughPassphrase(value)
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          t('serverSync.failure.passphraseTooShort', { min: minPassphraseLength }),
                        ),
                      ),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {problem && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={problem}
              data-testid="server-sync-problem"
            />
          )}
          <Button type="primary" htmlType="submit" loading={busy} icon={<CloudSyncOutlined />}>
            {t('serverSync.join')}
          </Button>
        </Form>
      </Card>
    );
  }

  const state = status?.state ?? 'syncing';
  const error =
    status?.error && (state === 'error' || state === 'offline')
      ? serverFailureText(status.error, t)
      : null;
  const progress = status?.progress;
  return (
    <Card size="small" title={t('serverSync.title')} data-testid="server-sync">
      <Descriptions size="small" column={1} style={{ maxWidth: 720 }}>
        <Descriptions.Item label={t('serverSync.team')}>
          {config.team.name}
          {config.encryption && (
            <Typography.Text type="secondary">
              {' '}
              <LockOutlined /> {t('serverSync.encrypted')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('serverSync.server')}>{config.origin}</Descriptions.Item>
        <Descriptions.Item label={t('serverSync.device')}>{config.device.name}</Descriptions.Item>
        <Descriptions.Item label={t('serverSync.status')}>
          <span data-testid="server-sync-state">
            {t(`serverSync.state.${state}`)}
            {' · '}
            {sync.pending > 0
              ? t('serverSync.pending', { count: sync.pending })
              : status?.lastSyncedAt
                ? t('serverSync.lastSynced', {
                    time: format(new Date(status.lastSyncedAt), 'yyyy-MM-dd HH:mm:ss'),
                  })
                : t('serverSync.never')}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {progress && (
        <div data-testid="server-sync-progress" style={{ maxWidth: 560 }}>
          <Typography.Text type="secondary">
            {progress.total
              ? t('serverSync.receiving', progress)
              : t('serverSync.receivingUnknown', progress)}
          </Typography.Text>
          <Progress
            percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
            status="active"
          />
        </div>
      )}
      {error && (
        <Alert
          type={state === 'offline' ? 'info' : 'error'}
          showIcon
          title={error}
          style={{ margin: '8px 0' }}
        />
      )}
      {sync.locked && (
        <Space.Compact style={{ maxWidth: 420, margin: '8px 0' }}>
          <Input.Password
            aria-label={t('serverSync.unlockPlaceholder')}
            placeholder={t('serverSync.unlockPlaceholder')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              void act(
                () => unlockServer(passphrase),
                () => {
                  setPassphrase('');
                  void message.success(t('serverSync.unlocked'));
                },
              )
            }
          >
            {t('serverSync.unlock')}
          </Button>
        </Space.Compact>
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ margin: '8px 0' }}
          data-testid="server-sync-problem"
        />
      )}
      <Space style={{ marginTop: 8 }}>
        <Button icon={<CloudSyncOutlined />} onClick={() => void syncNow()}>
          {t('serverSync.syncNow')}
        </Button>
        <Button
          icon={<LogoutOutlined />}
          onClick={() =>
            void modal.confirm({
              title: t('serverSync.leave'),
              content: t('serverSync.leaveConfirm'),
              okText: t('serverSync.leave'),
              cancelText: t('common.cancel'),
              onOk: () => act(leaveServer, () => void message.success(t('serverSync.left'))),
            })
          }
        >
          {t('serverSync.leave')}
        </Button>
      </Space>
    </Card>
  );
}

import { ExportOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Form, Input, Progress, Radio, Space } from 'antd';
import { proxy } from 'comlink';
import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedJsonFile } from '../../../shared/ipc/contract';
import { repositories, syncFiles } from '../../db';
import { syncWorker } from '../../db/sync-worker-client';
import { useTeamSettings } from '../../db/useTeamData';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';

type Values = {
  destination: string;
  scope: 'since' | 'all';
  passphrase?: string;
  passphraseAgain?: string;
};

/** 导出: to a named destination, only what is new there (or everything), optionally encrypted. */
export function ExportForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [destinations, setDestinations] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedJsonFile | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const sealingRequired = useTeamSettings().requireSealedFiles === true;

  useEffect(() => {
    void syncFiles.destinations().then(setDestinations);
  }, []);

  async function exportFile(values: Values) {
    setBusy(true);
    try {
      const destination = values.destination.trim();
      const actor = await repositories.loadActor();
      setPercent(0);
      const file = await syncWorker().exportFile(
        {
          destination: values.scope === 'all' ? null : destination,
          producerName: actor ? `${actor.name}（${actor.unit}）` : '',
          ...(values.passphrase ? { passphrase: values.passphrase } : {}),
        },
        proxy((done: number, total: number) => setPercent(Math.round((done / total) * 90))),
      );
      setPercent(100);
      if (file.messages === 0) {
        void message.info(t('sync.exportedNothing', { destination }));
        return;
      }
      const now = new Date();
      const result = await bridge.saveJsonFile({
        title: t('sync.export'),
        suggestedName: `帮代通同步-${safeName(destination)}-${format(now, 'yyyyMMdd-HHmm')}.json`,
        text: file.text,
      });
      if (!result) return;
      await syncFiles.markExported(destination, file.seq, {
        at: now.toISOString(),
        by: actor?.name ?? '',
        direction: 'export',
        file: result.name,
        destination,
        messages: file.messages,
        rows: file.rows,
        applied: 0,
        conflicts: 0,
      });
      setSaved(result);
      // A passphrase is not kept around once its file is written.
      form.setFieldsValue({ passphrase: '', passphraseAgain: '' });
      setDestinations(await syncFiles.destinations());
      void message.success(
        t('sync.exported', { rows: file.rows, messages: file.messages, name: result.name }),
      );
    } catch (error) {
      void message.error(failureMessage(error));
    } finally {
      setBusy(false);
      setPercent(null);
    }
  }

  return (
    <Form<Values>
      form={form}
      name="exportFile"
      layout="vertical"
      initialValues={{ destination: '', scope: 'since' }}
      onFinish={(values) => void exportFile(values)}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="destination"
        label={t('sync.destination')}
        rules={[{ required: true, whitespace: true, message: t('sync.destinationRequired') }]}
      >
        <AutoComplete
          options={destinations.map((value) => ({ value }))}
          placeholder={t('sync.destinationPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="scope" label={t('sync.scope')}>
        <Radio.Group
          options={[
            { value: 'since', label: t('sync.scopeSince') },
            { value: 'all', label: t('sync.scopeAll') },
          ]}
        />
      </Form.Item>
      {sealingRequired && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="sealing-required"
          title={t('sync.sealingRequiredExplain')}
        />
      )}
      <Form.Item
        name="passphrase"
        label={t(sealingRequired ? 'sync.passphraseSealed' : 'sync.passphrase')}
        rules={
          sealingRequired ? [{ required: true, message: t('sync.passphraseSealedRequired') }] : []
        }
      >
        <Input.Password placeholder={t('sync.passphrasePlaceholder')} autoComplete="new-password" />
      </Form.Item>
      <Form.Item noStyle dependencies={['passphrase']}>
        {({ getFieldValue }) =>
          getFieldValue('passphrase') ? (
            <Form.Item
              name="passphraseAgain"
              label={t('sync.passphraseConfirm')}
              dependencies={['passphrase']}
              rules={[
                ({ getFieldValue: value }) => ({
                  validator: (_, again) =>
                    again === value('passphrase')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('sync.passphraseMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      {percent !== null && (
        <Progress percent={percent} status="active" data-testid="export-progress" />
      )}
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<ExportOutlined />} loading={busy}>
          {busy ? t('sync.exporting') : t('sync.export')}
        </Button>
        {saved?.path && (
          <Button
            type="link"
            icon={<FolderOpenOutlined />}
            onClick={() => void bridge.revealFile({ path: saved.path ?? '' })}
          >
            {t('sync.reveal')}
          </Button>
        )}
      </Space>
    </Form>
  );
}

/** A destination as part of a file name: no characters a file system refuses. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || '同步';
}

import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actorSchema, type Actor } from '../../../shared/domain/change';
import { repositories } from '../../db';
import { parseForm } from '../../ui/form-issues';
import { writeErrorText } from '../../ui/write-error';

/** 我的信息: who this install belongs to, stamped on every change it makes. */
export function MyInfoSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Actor>();
  const [saved, setSaved] = useState<Actor | null>(null);
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form);

  useEffect(() => {
    void repositories.loadActor().then((actor) => {
      setSaved(actor);
      if (actor) form.setFieldsValue(actor);
    });
  }, [form]);

  const changed =
    values !== undefined &&
    (values.name !== (saved?.name ?? '') || values.unit !== (saved?.unit ?? ''));

  async function submit() {
    const actor = parseForm(form, actorSchema, form.getFieldsValue(true), t);
    if (!actor) return;
    setSaving(true);
    try {
      const result = await repositories.saveActor(actor);
      setSaved(result);
      form.setFieldsValue(result);
      void message.success(t('teamSettings.myInfo.saved'));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('teamSettings.myInfo.title')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('teamSettings.myInfo.intro')}
      </Typography.Paragraph>
      <Form
        form={form}
        name="myInfo"
        layout="inline"
        onFinish={() => void submit()}
        aria-label={t('teamSettings.myInfo.title')}
      >
        <Form.Item name="name" label={t('teamSettings.myInfo.name')} required>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="unit" label={t('teamSettings.myInfo.unit')} required>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!changed}>
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

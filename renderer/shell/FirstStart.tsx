import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actorSchema, type Actor } from '../../shared/domain/change';
import { parseForm } from '../ui/form-issues';

/** One install is one staff member: ask who, once, before anything can be changed. */
export function FirstStart({ onDone }: { onDone: (actor: Actor) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Actor>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const actor = parseForm(form, actorSchema, form.getFieldsValue(true), t);
    if (!actor) return;
    setSaving(true);
    try {
      await onDone(actor);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100%' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3}>{t('firstStart.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('firstStart.intro')}</Typography.Paragraph>
        <Form form={form} name="firstStart" layout="vertical" onFinish={() => void submit()}>
          <Form.Item name="name" label={t('firstStart.name')} required>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="unit" label={t('firstStart.unit')} required>
            <Input placeholder={t('firstStart.unitPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            {t('firstStart.start')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

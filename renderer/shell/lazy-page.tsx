import { Button, Result, Spin, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { preloaded } from '../ui/preload';

/** A screen loaded as its own chunk when first opened, in the shape React Router's `lazy` wants. */
export function screen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  const loadScreen = preloaded(load);
  return async () => ({ Component: (await loadScreen())[name] });
}

/** What shows while a screen's chunk loads (a blink on a local disk). */
export function PageLoading() {
  return <Spin style={{ display: 'block', margin: '48px auto' }} />;
}

/** A screen that failed to load or to render: said in words, with the way out. */
export function ScreenError() {
  const { t } = useTranslation();
  return (
    <NeedsReload status="warning" title={t('app.screenFailed')} hint={t('app.screenFailedHint')} />
  );
}

/** What failed, what it means for the data, and 重新加载 (with the error's own line, if any). */
export function NeedsReload({
  status,
  title,
  hint,
  detail,
}: {
  status: 'warning' | 'error';
  title: string;
  hint: string;
  detail?: string;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={title}
      subTitle={hint}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    >
      {detail && (
        <Typography.Text type="secondary" copyable>
          {detail}
        </Typography.Text>
      )}
    </Result>
  );
}

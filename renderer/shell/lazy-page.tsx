import { Button, Result, Spin } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

const loaders: (() => Promise<unknown>)[] = [];

/**
 * A screen loaded as its own chunk when first opened, in the shape React Router's `lazy` wants.
 * Every such screen is also loaded in the background once the first screen shows
 * (preloadScreens): a browser window that goes offline later must still open every screen.
 */
export function screen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  loaders.push(load);
  return async () => ({ Component: (await load())[name] });
}

export function preloadScreens() {
  for (const load of loaders) load().catch(() => undefined);
}

/** What shows while a screen's chunk loads (a blink on a local disk). */
export function PageLoading() {
  return <Spin style={{ display: 'block', margin: '48px auto' }} />;
}

/** A screen that failed to load or to render: said in words, with the way out. */
export function ScreenError() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('app.screenFailed')}
      subTitle={t('app.screenFailedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}

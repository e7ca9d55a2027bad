import { Spin } from 'antd';
import type { ComponentType } from 'react';

/** Picks a screen's component out of its lazily loaded module, in the shape React Router's `lazy` wants. */
export function page<Name extends string>(name: Name) {
  return (module: Record<Name, ComponentType>) => ({ Component: module[name] });
}

/** What shows while a screen's chunk loads (a blink on a local disk). */
export function PageLoading() {
  return <Spin style={{ display: 'block', margin: '48px auto' }} />;
}

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, holidayNoticesUrl } from './menu-template';
import { isTrustedExternalUrl } from './trusted-url';

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

const noop = () => undefined;
const template = (devTools: boolean) =>
  applicationMenuTemplate({
    devTools,
    openDataFolder: noop,
    openHolidayNotices: noop,
    showAbout: noop,
  });

describe('application menu', () => {
  it('has no developer tools in a release build', () => {
    const all = items(template(false));
    expect(all.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(all.some((item) => item.label === '开发者工具')).toBe(false);
  });

  it('offers developer tools in a development build', () => {
    const all = items(template(true));
    expect(all.filter((item) => item.role === 'toggleDevTools')).toHaveLength(1);
  });

  it('is otherwise the same menu, in Chinese', () => {
    const labels = (devTools: boolean) =>
      items(template(devTools))
        .map((item) => item.label)
        .filter((label) => label !== '开发者工具');
    expect(labels(true)).toEqual(labels(false));
    expect(template(false).map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('calls back for its own items', () => {
    const called: string[] = [];
    const menu = applicationMenuTemplate({
      devTools: false,
      openDataFolder: () => called.push('folder'),
      openHolidayNotices: () => called.push('holidays'),
      showAbout: () => called.push('about'),
    });
    for (const item of items(menu)) {
      (item.click as (() => void) | undefined)?.();
    }
    expect(called).toEqual(['folder', 'holidays', 'about']);
  });

  it('links to a page the external-link allow-list lets through', () => {
    expect(isTrustedExternalUrl(holidayNoticesUrl)).toBe(true);
  });
});

import { expect, type Locator, type Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Picks an option of an antd Select and checks the Select shows it. On a loaded machine a click can
 * land while the dropdown is still animating open and be lost; then the pick is tried again.
 */
export async function chooseOption(page: Page, select: Locator, option: string) {
  const field = select.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${escapeRegExp(option)}$`) });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await select.click();
      await item.click({ timeout: 10_000 });
      await expect(field).toContainText(option, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Answers the question asked before unsaved changes are dropped (放弃未保存的修改？), once it has
 * finished zooming open: on a loaded machine a click aimed while it still grows can land on the
 * mask beside the button, which closes the question as 继续编辑 (seen in CI: the form stayed).
 */
export async function answerDiscardQuestion(page: Page, answer: '放弃修改并关闭' | '继续编辑') {
  const ask = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await expectOpened(ask);
  await ask.getByRole('button', { name: answer }).click();
  await expect(ask).toBeHidden();
}

/**
 * Waits until a dialog has finished zooming open: a click aimed while it still grows can be lost
 * on a loaded machine (seen in CI on 保存 and 导入).
 */
export async function expectOpened(dialog: Locator) {
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom/);
}

/** Opens 登记问题 on a project's 问题协调 tab, ready for input. */
export async function openNewProblem(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '登记问题' }).click();
  const problem = page.getByRole('dialog', { name: '登记问题' });
  await expectOpened(problem);
  return problem;
}

import { describe, expect, it } from 'vitest';
import { bridgeMethods, type NotifyRequest } from '../shared/ipc/contract';
import { clickResult, notificationOptions, windowActionsOnClick } from './notifications';

const request: NotifyRequest = {
  title: '预警：施工图联合审查',
  body: '智能装备产业园 · 审批事项 · 剩 2 个工作日（2026-03-09 到期）',
  target: {
    kind: 'approvalItem',
    id: '0b6d1a52-4c57-4c8f-9f0e-2f4a1d7a9c11',
    projectId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  },
};

describe('a reminder clicked', () => {
  it('brings the window to the front from wherever it is', () => {
    expect(windowActionsOnClick({ minimized: true, visible: true })).toEqual(['restore', 'focus']);
    expect(windowActionsOnClick({ minimized: false, visible: false })).toEqual(['show', 'focus']);
    expect(windowActionsOnClick({ minimized: false, visible: true })).toEqual(['focus']);
  });

  it('tells the renderer which record to open, or none for a summary', () => {
    expect(clickResult(request)).toEqual({ status: 'clicked', target: request.target });
    expect(clickResult({ ...request, target: null })).toEqual({ status: 'clicked', target: null });
  });

  it('shows the request text with the app as its source', () => {
    expect(notificationOptions(request, '帮代通')).toEqual({
      title: request.title,
      body: request.body,
      subtitle: '帮代通',
      silent: false,
    });
  });
});

describe('notify arguments', () => {
  const schema = bridgeMethods.notify.request;

  it('take a title, a body and a record target or none', () => {
    expect(schema.safeParse(request).success).toBe(true);
    expect(schema.safeParse({ ...request, target: null }).success).toBe(true);
  });

  it('refuse an empty or long title, a long body, an unknown kind or a non-id', () => {
    expect(schema.safeParse({ ...request, title: '' }).success).toBe(false);
    expect(schema.safeParse({ ...request, title: '逾'.repeat(201) }).success).toBe(false);
    expect(schema.safeParse({ ...request, body: '逾'.repeat(1001) }).success).toBe(false);
    const target = request.target ?? { kind: 'approvalItem', id: '', projectId: '' };
    expect(schema.safeParse({ ...request, target: { ...target, kind: 'project' } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ...request, target: { ...target, id: '../x' } }).success).toBe(false);
    expect(schema.safeParse({ ...request, target: undefined }).success).toBe(false);
  });
});

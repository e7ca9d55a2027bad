import type { NotifyRequest, NotifyResult } from '../shared/ipc/contract';

/** What main does with the window when a reminder is clicked, in order. */
export type WindowAction = 'restore' | 'show' | 'focus';

/**
 * A click on a reminder brings the window to the front wherever it is: restored when minimised,
 * shown when hidden, then focused — the record opens where the user will look.
 */
export function windowActionsOnClick(window: {
  minimized: boolean;
  visible: boolean;
}): WindowAction[] {
  const actions: WindowAction[] = [];
  if (window.minimized) actions.push('restore');
  if (!window.visible) actions.push('show');
  actions.push('focus');
  return actions;
}

/** The notification's own options: the request's text, the app's name as the source. */
export function notificationOptions(request: NotifyRequest, appName: string) {
  return {
    title: request.title,
    body: request.body,
    // Windows groups toasts by app: the name says where a reminder comes from.
    subtitle: appName,
    silent: false,
  };
}

/** What the renderer hears back when a reminder was clicked: the record it names, to open. */
export function clickResult(request: NotifyRequest): NotifyResult {
  return { status: 'clicked', target: request.target };
}

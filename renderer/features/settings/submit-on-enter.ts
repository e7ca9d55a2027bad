import type { KeyboardEvent } from 'react';

/**
 * Enter in a text field saves the modal, as in the first-start form; a select (Enter picks or
 * adds a tag there) and a text area (Enter is a new line; Ctrl+Enter saves) keep their own Enter.
 */
export function submitOnEnter(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.closest('.ant-select')) return;
    if (target instanceof HTMLTextAreaElement && !(event.ctrlKey || event.metaKey)) return;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    submit();
  };
}

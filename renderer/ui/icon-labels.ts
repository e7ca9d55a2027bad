import type { i18n as I18n } from 'i18next';

/**
 * antd names every icon for screen readers with its SVG's English name (aria-label="plus",
 * "calendar", "close-circle"…), its own components' icons included, and has no setting for it.
 * This gives each icon the name of `icon.<name>` in the current language instead, as icons appear
 * and when the language changes. The icon's own name is read from its class (anticon-plus), which
 * stays as it was, so it can be named again in another language.
 */
export function nameIcons(root: HTMLElement, i18n: I18n): () => void {
  const name = (icon: Element) => {
    const own = [...icon.classList].find(
      (item) => item.startsWith('anticon-') && item !== 'anticon-spin',
    );
    if (!own) return;
    const key = `icon.${own.slice('anticon-'.length)}`;
    const label = i18n.exists(key) ? i18n.t(key) : i18n.t('icon.fallback');
    if (icon.getAttribute('aria-label') !== label) icon.setAttribute('aria-label', label);
  };
  const nameAll = (node: ParentNode) => {
    for (const icon of node.querySelectorAll('.anticon[role="img"]')) name(icon);
  };

  nameAll(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('.anticon[role="img"]')) name(node);
        nameAll(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  const renameAll = () => nameAll(root);
  i18n.on('languageChanged', renameAll);
  return () => {
    observer.disconnect();
    i18n.off('languageChanged', renameAll);
  };
}

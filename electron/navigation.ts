import { isAppUrl } from './app-url';
import { isTrustedExternalUrl } from './trusted-url';

/**
 * What a page may do to leave the app. The renderer is one page with hash routes, so it never
 * needs a real navigation: every one is refused, and an allow-listed link goes to the system
 * browser instead. A redirect can only happen inside a navigation main already let through
 * (the app's own), so it may stay in the app and nowhere else.
 */
export type LeaveDecision = {
  /** Always false: the page stays where it is. */
  allow: false;
  /** The URL to hand to the system browser, or null to drop the request. */
  openExternally: string | null;
};

/** will-navigate, and window.open / target=_blank links. */
export function decideNavigation(url: string): LeaveDecision {
  return { allow: false, openExternally: isTrustedExternalUrl(url) ? url : null };
}

/** will-redirect: true only when the redirect stays within app://daiban/. */
export function isRedirectAllowed(url: string): boolean {
  return isAppUrl(url);
}

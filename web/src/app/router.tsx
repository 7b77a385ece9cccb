import { useSyncExternalStore, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * Hash routing, by hand: the page is `location.hash` (`#/lots/HSP26L001-023`), so the server serves one
 * index.html and a link can be shared or reloaded. No router dependency.
 */

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash path (`/lots/HSP26L001-023`, or `/` when there is none). */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  const path = hash.split('?')[0] ?? '';
  return path === '' ? '/' : path;
}

/** The current hash path, re-rendering when it changes. */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

/**
 * Opens a page.
 *
 * @example
 * navigate(pathTo('/lots/:lotNumber', { lotNumber }));
 */
export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}

/** The `href` of a hash path. */
export function href(path: string): string {
  return `#${path}`;
}

/**
 * A link to a page of the dashboard (a real anchor, so it works with the keyboard and opens in a new tab).
 *
 * @example
 * <Link to={`/lines/${line.id}`}>{line.name}</Link>
 */
export function Link({
  to,
  children,
  ...rest
}: { readonly to: string; readonly children: ReactNode } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href'
>) {
  return (
    <a href={href(to)} {...rest}>
      {children}
    </a>
  );
}

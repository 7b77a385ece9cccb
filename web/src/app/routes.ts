import type { ComponentType } from 'react';
import { everyone, staff, type Role } from './roles.ts';

/** What every page component is given: the parameters of its path (`/lots/:lotNumber` → `lotNumber`). */
export interface PageProps {
  readonly params: Readonly<Record<string, string>>;
}

/** A page module: its default export is the page. */
export interface PageModule {
  readonly default: ComponentType<PageProps>;
}

/**
 * One page of the dashboard: its hash path (`:name` marks a parameter), its title, the roles that may
 * open it, whether it is listed in the navigation, and how its code is loaded (each page is its own
 * chunk, fetched when first opened).
 */
export interface PageEntry {
  readonly path: string;
  readonly title: string;
  readonly roles: readonly Role[];
  /** Listed in the navigation (pages reached from another page, such as one lot, are not). */
  readonly nav: boolean;
  readonly load: () => Promise<PageModule>;
}

/**
 * Every page. The roles follow the API's own: a page is offered only to roles that may read what it
 * shows (the server refuses the rest anyway). A consignee sees its own orders and shipments only.
 *
 * @example
 * pages.filter((p) => p.nav && p.roles.includes('consignee')).map((p) => p.path); // ['/orders', '/shipments']
 */
export const pages: readonly PageEntry[] = [
  {
    path: '/',
    title: 'Plant',
    roles: staff,
    nav: true,
    load: () => import('../pages/overview/OverviewPage.tsx'),
  },
  {
    path: '/lines/:id',
    title: 'Line',
    roles: staff,
    nav: false,
    load: () => import('../pages/lines/LinePage.tsx'),
  },
  {
    path: '/orders',
    title: 'Orders',
    roles: everyone,
    nav: true,
    load: () => import('../pages/orders/OrdersPage.tsx'),
  },
  { path: '/lots', title: 'Lots', roles: staff, nav: true, load: () => import('../pages/lots/LotsPage.tsx') },
  {
    path: '/lots/:lotNumber',
    title: 'Lot',
    roles: staff,
    nav: false,
    load: () => import('../pages/lots/LotPage.tsx'),
  },
  {
    path: '/stock',
    title: 'Stock',
    roles: staff,
    nav: true,
    load: () => import('../pages/stock/StockPage.tsx'),
  },
  {
    path: '/shipments',
    title: 'Shipments',
    roles: everyone,
    nav: true,
    load: () => import('../pages/stock/ShipmentsPage.tsx'),
  },
  {
    path: '/approvals',
    title: 'Approvals',
    roles: staff,
    nav: true,
    load: () => import('../pages/stock/ApprovalsPage.tsx'),
  },
  {
    path: '/trace',
    title: 'Trace',
    roles: staff,
    nav: true,
    load: () => import('../pages/trace/TracePage.tsx'),
  },
  {
    path: '/ledger',
    title: 'Ledger',
    roles: staff,
    nav: true,
    load: () => import('../pages/ledger/LedgerPage.tsx'),
  },
  {
    path: '/capacity',
    title: 'Capacity',
    roles: staff,
    nav: true,
    load: () => import('../pages/capacity/CapacityPage.tsx'),
  },
];

/** The page a hash path opens, with its parameters (decoded), or undefined. */
export function matchPage(
  path: string,
): { readonly page: PageEntry; readonly params: Record<string, string> } | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  for (const page of pages) {
    const pattern = page.path.split('/').filter((p) => p !== '');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((segment, i) => {
      const part = parts[i] ?? '';
      if (segment.startsWith(':')) {
        try {
          params[segment.slice(1)] = decodeURIComponent(part);
        } catch {
          return false;
        }
        return true;
      }
      return segment === part;
    });
    if (fits) return { page, params };
  }
  return undefined;
}

/** The pages a role may open, in navigation order. */
export function pagesFor(role: Role): readonly PageEntry[] {
  return pages.filter((p) => p.roles.includes(role));
}

/** Where a role lands after login: the first listed page it may open. */
export function homeFor(role: Role): string {
  return pagesFor(role).find((p) => p.nav)?.path ?? '/';
}

/** A hash path with its parameters filled in: `pathTo('/lots/:lotNumber', {lotNumber: 'HSP26L001-023'})`. */
export function pathTo(pattern: string, params: Record<string, string> = {}): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

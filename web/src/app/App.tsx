import {
  Component,
  lazy,
  useEffect,
  useRef,
  Suspense,
  useMemo,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import { ErrorBox } from './ui/ErrorBox.tsx';
import { useLiveConnection } from './live.ts';
import { homeFor, matchPage, pagesFor, type PageEntry, type PageProps } from './routes.ts';
import { Link, useHashPath } from './router.tsx';
import { useSession } from './session.tsx';

// One lazy component per page entry, made once, so React keeps a page's state while it stays open.
const lazyPages = new Map<PageEntry, ComponentType<PageProps>>();
function pageComponent(page: PageEntry): ComponentType<PageProps> {
  let found = lazyPages.get(page);
  if (found === undefined) {
    found = lazy(() => page.load());
    lazyPages.set(page, found);
  }
  return found;
}

/** Keeps a page's failure inside the page: the navigation stays usable. */
class PageBoundary extends Component<{ readonly children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('page failed', error, info.componentStack);
  }
  override render() {
    return this.state.error !== undefined ? (
      <ErrorBox error={this.state.error} title="This page failed" />
    ) : (
      this.props.children
    );
  }
}

/** The frame: navigation (only the pages the role may open), who is signed in, and the open page. */
export function App() {
  const { user, logout } = useSession();
  const path = useHashPath();
  // One subscription for the whole frame: the marker reflects the stream on every page.
  const live = useLiveConnection();
  const mine = useMemo(() => pagesFor(user.role), [user.role]);
  const found = matchPage(path === '/' ? homeFor(user.role) : path);
  const allowed = found !== undefined && found.page.roles.includes(user.role);
  const Page = allowed ? pageComponent(found.page) : undefined;
  const title = found?.page.title;

  // On moving to another page, say where we are (title) and put the focus at the page's start, as a
  // full page load would: a keyboard or screen-reader user continues from the new content.
  const first = useRef(true);
  useEffect(() => {
    document.title = title === undefined ? 'Headstamp' : `${title} · Headstamp`;
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [path, title]);

  return (
    <div className="frame">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Headstamp</span>
        <nav aria-label="Pages">
          <ul>
            {mine
              .filter((p) => p.nav)
              .map((p) => (
                <li key={p.path}>
                  <Link to={p.path} aria-current={found?.page === p ? 'page' : undefined}>
                    {p.title}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <span className="who">
          <span
            className={`live-dot${live ? ' on' : ''}`}
            title={live ? 'live' : 'not live'}
            aria-hidden="true"
          />
          {user.name} <span className="muted">({user.role})</span>
          <button type="button" className="button button-secondary" onClick={() => void logout()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {found === undefined ? (
          <ErrorBox error={new Error(`There is no page ${path}.`)} title="Not found" />
        ) : !allowed ? (
          <ErrorBox
            error={new Error(`The ${found.page.title} page is not open to the ${user.role} role.`)}
            title="Not allowed"
          />
        ) : (
          Page !== undefined && (
            <PageBoundary key={path}>
              <Suspense
                fallback={
                  <p className="loading" role="status">
                    Loading…
                  </p>
                }
              >
                <Page params={found.params} />
              </Suspense>
            </PageBoundary>
          )
        )}
      </main>
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { SessionProvider } from './app/session.tsx';
import { matchPage } from './app/routes.ts';
import { currentPath } from './app/router.tsx';
import './app/styles.css';

// Fetch the opened page's code while the session is being checked, not after: one round trip less
// before the page shows (a page the role may not open is fetched for nothing, and never shown).
const opened = matchPage(currentPath());
if (opened !== undefined) void opened.page.load().catch(() => undefined);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);

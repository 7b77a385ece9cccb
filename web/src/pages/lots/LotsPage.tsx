// Placeholder, replaced by the real page in its own change; registered in app/routes.ts so the
// navigation and the role rules already hold for it.
import type { PageProps } from '../../app/routes.ts';

export default function LotsPage({ params }: PageProps) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Lots</h1>
      <p className="muted">
        This page is being built.{Object.keys(params).length > 0 ? ` (${JSON.stringify(params)})` : ''}
      </p>
    </section>
  );
}

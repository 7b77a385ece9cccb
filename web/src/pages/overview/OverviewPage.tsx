import type { PageProps } from '../../app/routes.ts';

export default function OverviewPage(_props: PageProps) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Overview</h1>
    </section>
  );
}

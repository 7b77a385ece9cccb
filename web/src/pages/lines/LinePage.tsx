import type { PageProps } from '../../app/routes.ts';

export default function LinePage(_props: PageProps) {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Line</h1>
    </section>
  );
}

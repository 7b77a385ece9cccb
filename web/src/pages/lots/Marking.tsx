/** Flattens the marking (`{headstamp, boxLabel: {...}}`) into label/value pairs, nested keys joined. */
export function markingFacts(marking: Readonly<Record<string, unknown>>, prefix = ''): [string, string][] {
  const facts: [string, string][] = [];
  for (const [key, value] of Object.entries(marking)) {
    const name = prefix === '' ? key : `${prefix} ${key}`;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      facts.push(...markingFacts(value as Record<string, unknown>, name));
    else facts.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  return facts;
}

/** Words for camelCase keys: `boxLabel dateOfManufacture` → `box label date of manufacture`. */
function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The lot's marking: the headstamp and every field of the box label, as recorded when it was made.
 *
 * @example
 * <Marking marking={lot.marking} />
 */
export function Marking({ marking }: { readonly marking: Readonly<Record<string, unknown>> }) {
  return (
    <div className="card stack">
      <h2>Marking</h2>
      <dl className="facts">
        {markingFacts(marking).map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{words(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

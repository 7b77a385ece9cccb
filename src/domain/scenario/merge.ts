/**
 * How a scenario `extends` another. The extending file is laid over its base:
 * - maps merge key by key, recursively; the extending file's value wins for anything else;
 * - a list whose items are all maps with an `id` merges by id: an item with a known id is
 *   merged into the base item (in the base's place), an item with a new id is appended;
 * - any other list (of ids, numbers, windows...) replaces the base list whole;
 * - a key set to null (`~`) removes the key from the base;
 * - `extends` itself is not copied.
 * Items cannot be removed from an id-list; a scenario that needs fewer lines is its own file.
 */

type Fields = Record<string, unknown>;

function isMap(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdList(value: unknown): value is Fields[] {
  return Array.isArray(value) && value.every((v) => isMap(v) && typeof v['id'] === 'string');
}

/**
 * Lays `overlay` over `base` with the semantics above; neither input is changed.
 *
 * @example
 * mergeScenario({ lines: [{ id: 'L1', ratedRate: 100 }] }, { lines: [{ id: 'L1', ratedRate: 120 }, { id: 'C1' }] });
 * // { lines: [{ id: 'L1', ratedRate: 120 }, { id: 'C1' }] }
 */
export function mergeScenario(base: unknown, overlay: unknown): unknown {
  const merged = mergeValue(base, overlay);
  if (isMap(merged)) delete merged['extends'];
  return merged;
}

function mergeValue(base: unknown, overlay: unknown): unknown {
  if (isMap(base) && isMap(overlay)) {
    const out: Fields = { ...base };
    for (const [key, value] of Object.entries(overlay)) {
      if (value === null) delete out[key];
      else out[key] = key in base ? mergeValue(base[key], value) : value;
    }
    return out;
  }
  if (isIdList(base) && isIdList(overlay)) {
    const out: unknown[] = [...base];
    for (const item of overlay) {
      const at = out.findIndex((b) => isMap(b) && b['id'] === item['id']);
      if (at >= 0) out[at] = mergeValue(out[at], item);
      else out.push(item);
    }
    return out;
  }
  return overlay;
}

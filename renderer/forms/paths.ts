/**
 * Typed dotted paths into a form's values ("office.name"), and the immutable get/set the form hook
 * uses. A form's values are plain objects whose leaves are strings or booleans (what inputs hold).
 */

export type FormLeaf = string | boolean;

/** Every dotted path to a leaf of V. */
export type FieldPath<V> = {
  [K in keyof V & string]: V[K] extends FormLeaf ? K : V[K] extends object ? `${K}.${FieldPath<V[K]>}` : never;
}[keyof V & string];

/** The type of the leaf at path P of V. */
export type FieldValue<V, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof V
    ? FieldValue<V[K], Rest>
    : never
  : P extends keyof V
    ? V[P]
    : never;

type Tree = { readonly [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

export function getIn(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), values);
}

/** A copy of `values` with the leaf at `path` replaced; the objects along the path are copied. */
export function setIn<V>(values: V, path: string, leaf: unknown): V {
  const [head = '', ...rest] = path.split('.');
  const node: Tree = isTree(values) ? values : {};
  const next = rest.length === 0 ? leaf : setIn(node[head], rest.join('.'), leaf);
  // The copy has the shape of V: only the leaf at a typed path changes, with a value of its type.
  return { ...node, [head]: next } as V;
}

/** Every leaf path of a values object, in declaration order (the order of the form's fields). */
export function leafPaths(values: unknown, prefix = ''): string[] {
  if (!isTree(values)) return prefix ? [prefix] : [];
  return Object.entries(values).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** The field that shows an error reported at `path`: the path itself or its nearest parent that is a field. */
export function owningField(path: string, fields: ReadonlySet<string>): string | null {
  for (let current = path; current; current = current.slice(0, Math.max(0, current.lastIndexOf('.')))) {
    if (fields.has(current)) return current;
  }
  return null;
}

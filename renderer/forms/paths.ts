/**
 * Typed dotted paths into a form's values ("office.name", "persons.0.person.fullName"), and the
 * immutable get/set the form hook uses. A form's values are plain objects whose leaves are strings or
 * booleans (what inputs hold); a repeatable part of a form (the people of a report) is an array of
 * such objects, addressed by index, which is how the backend names its fields too.
 */

export type FormLeaf = string | boolean;

/** Every dotted path to a leaf of V. */
export type FieldPath<V> = {
  [K in keyof V & string]: V[K] extends FormLeaf
    ? K
    : V[K] extends readonly (infer E)[]
      ? E extends FormLeaf
        ? `${K}.${number}`
        : `${K}.${number}.${FieldPath<E>}`
      : V[K] extends object
        ? `${K}.${FieldPath<V[K]>}`
        : never;
}[keyof V & string];

/** The type of the leaf at path P of V. */
export type FieldValue<V, P extends string> = P extends `${infer K}.${infer Rest}`
  ? V extends readonly (infer E)[]
    ? FieldValue<E, Rest>
    : K extends keyof V
      ? FieldValue<V[K], Rest>
      : never
  : V extends readonly (infer E)[]
    ? E
    : P extends keyof V
      ? V[P]
      : never;

type Tree = { readonly [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

function child(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return node[Number(key)];
  return isTree(node) ? node[key] : undefined;
}

export function getIn(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>(child, values);
}

/** A copy of `values` with the leaf at `path` replaced; the objects and arrays along the path are copied. */
export function setIn<V>(values: V, path: string, leaf: unknown): V {
  const [head = '', ...rest] = path.split('.');
  const next = rest.length === 0 ? leaf : setIn(child(values, head), rest.join('.'), leaf);
  if (Array.isArray(values)) {
    const copy: unknown[] = [...values];
    copy[Number(head)] = next;
    // The copy has the shape of V: one element of the array is replaced by a value of its type.
    return copy as V;
  }
  const node: Tree = isTree(values) ? values : {};
  // The copy has the shape of V: only the leaf at a typed path changes, with a value of its type.
  return { ...node, [head]: next } as V;
}

/** Every leaf path of a values object, in declaration order (the order of the form's fields). */
export function leafPaths(values: unknown, prefix = ''): string[] {
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (Array.isArray(values)) return values.flatMap((item, index) => leafPaths(item, join(String(index))));
  if (!isTree(values)) return prefix ? [prefix] : [];
  return Object.entries(values).flatMap(([key, value]) => leafPaths(value, join(key)));
}

/** The field that shows an error reported at `path`: the path itself or its nearest parent that is a field. */
export function owningField(path: string, fields: ReadonlySet<string>): string | null {
  for (let current = path; current; current = current.slice(0, Math.max(0, current.lastIndexOf('.')))) {
    if (fields.has(current)) return current;
  }
  return null;
}

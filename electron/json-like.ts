/**
 * IPC carries values by structured clone, which can deliver far more than JSON: Dates, Maps, typed
 * arrays, class-less prototypes, cycles. The HTTP transport only ever sees JSON, and the handlers
 * are written for what JSON can express, so the IPC transport refuses anything else before the
 * input reaches the contract's schemas. Limits on depth and size keep a cyclic or huge value from
 * tying up the main process (which runs the window's events; the database runs on the backend's
 * thread, db/backend-thread.ts, and the input is copied to it).
 */

export interface JsonLikeLimits {
  /** Deepest nesting of arrays and objects; also what stops a cyclic value. */
  readonly maxDepth: number;
  /** Most values (objects, arrays, primitives) in one input. */
  readonly maxNodes: number;
}

export const defaultJsonLikeLimits: JsonLikeLimits = Object.freeze({ maxDepth: 32, maxNodes: 100_000 });

/**
 * True when `value` is what `JSON.parse` could have produced: null, booleans, finite numbers,
 * strings, arrays and plain objects of those. `undefined` is accepted at the top (no input) and as an
 * object property (an optional form field left empty; JSON would drop the key, which the schemas
 * read the same way), never inside arrays, where JSON would turn it into null.
 */
export function isJsonLike(value: unknown, limits: JsonLikeLimits = defaultJsonLikeLimits): boolean {
  let nodes = 0;
  const visit = (current: unknown, depth: number): boolean => {
    nodes += 1;
    if (nodes > limits.maxNodes) return false;
    if (current === null) return true;
    switch (typeof current) {
      case 'boolean':
      case 'string':
        return true;
      case 'number':
        return Number.isFinite(current);
      case 'object':
        break;
      default:
        return false; // bigint, symbol, function, and undefined where it is not allowed
    }
    if (depth >= limits.maxDepth) return false;
    if (Array.isArray(current)) {
      if (Object.getPrototypeOf(current) !== Array.prototype) return false;
      for (let i = 0; i < current.length; i += 1) {
        // `i in current` rejects holes in sparse arrays.
        if (!(i in current) || !visit(current[i], depth + 1)) return false;
      }
      return true;
    }
    const proto: unknown = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null) return false;
    // Symbol keys and accessors cannot come out of JSON; an own "__proto__" key can, but no form
    // has one, and refusing it removes any doubt about prototype pollution further down.
    if (Object.getOwnPropertySymbols(current).length > 0) return false;
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(current))) {
      if (key === '__proto__' || !('value' in descriptor)) return false;
      const property: unknown = descriptor.value;
      if (property === undefined) continue;
      if (!visit(property, depth + 1)) return false;
    }
    return true;
  };
  return value === undefined || visit(value, 0);
}

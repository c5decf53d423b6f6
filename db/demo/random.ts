import { seededUuidv7 } from '../ids';

/** SplitMix32 step: spreads a seed (or a seed and a label) over 32 bits. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed for one part of the data (an office, a table) from the run's seed and a label: parts stay independent. */
export function deriveSeed(seed: number, label: string): number {
  let h = mix32(seed);
  for (let i = 0; i < label.length; i += 1) h = mix32(h ^ label.charCodeAt(i));
  return h;
}

/**
 * A seeded pseudo-random source (Mulberry32): generated data never uses Math.random or the wall clock,
 * so the same seed gives the same records, ids included.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed) | 0;
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One value by weight: `[value, weight]` pairs. */
  weighted<T>(table: WeightTable<T>): T {
    let roll = this.next() * table.total;
    for (const [value, weight] of table.entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return table.entries[table.entries.length - 1]![0];
  }

  /** A Poisson-distributed count with mean `lambda` (Knuth; the means here are small). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /** A standard normal value (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A UUIDv7 made at `at` with this source's bits. */
  uuid(at: number): string {
    return seededUuidv7(at, () => this.uint32());
  }
}

export interface WeightTable<T> {
  readonly entries: readonly (readonly [T, number])[];
  readonly total: number;
}

export function weights<T>(entries: readonly (readonly [T, number])[]): WeightTable<T> {
  return { entries, total: entries.reduce((sum, [, weight]) => sum + weight, 0) };
}

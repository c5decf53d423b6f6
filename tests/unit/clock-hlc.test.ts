import { describe, expect, it } from 'vitest';
import { formatVersion, parseVersion, receive, tick, type ClockState } from '../../db/clock';
import { newNodeId } from '../../db/ids';

const NODE = '0123456789abcdef';
const VERSION = /^\d{13}-\d{5}-[0-9a-f]{16}$/;
const T = Date.UTC(2026, 2, 15, 8, 0, 0);

function after(a: ClockState, b: ClockState): boolean {
  return a.wall > b.wall || (a.wall === b.wall && a.counter > b.counter);
}

describe('tick', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(tick({ wall: T, counter: 7 }, T + 5)).toEqual({ wall: T + 5, counter: 0 });
  });

  it('counts within one millisecond', () => {
    expect(tick({ wall: T, counter: 0 }, T)).toEqual({ wall: T, counter: 1 });
    expect(tick({ wall: T, counter: 1 }, T)).toEqual({ wall: T, counter: 2 });
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const last = { wall: T, counter: 3 };
    const next = tick(last, T - 60 * 60 * 1000);
    expect(next).toEqual({ wall: T, counter: 4 });
    expect(after(next, last)).toBe(true);
  });

  it('moves the logical wall on when the counter would overflow, still monotonic', () => {
    const last = { wall: T, counter: 99_999 };
    const next = tick(last, T - 1);
    expect(next).toEqual({ wall: T + 1, counter: 0 });
    expect(formatVersion(next, NODE) > formatVersion(last, NODE)).toBe(true);
    expect(formatVersion(next, NODE)).toMatch(VERSION);
  });

  it('never repeats or goes back over a long run with a jittery clock', () => {
    let state: ClockState = { wall: 0, counter: 0 };
    let wall = T;
    const versions: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      // Mostly forward, sometimes standing still, sometimes jumping back (NTP corrections).
      wall += [1, 0, 0, -250, 3, 0, -1][i % 7]!;
      const next = tick(state, wall);
      expect(after(next, state)).toBe(true);
      state = next;
      versions.push(formatVersion(state, NODE));
    }
    expect([...versions].sort()).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('receive', () => {
  it('moves past a remote version that is ahead of the local clock and the wall', () => {
    const local = { wall: T, counter: 2 };
    const remote = { wall: T + 10_000, counter: 7 };
    const next = receive(local, remote, T + 1);
    expect(next).toEqual({ wall: T + 10_000, counter: 8 });
    expect(after(next, remote)).toBe(true);
    expect(after(next, local)).toBe(true);
    // And the next local tick is after it too, even though the wall clock is behind.
    expect(after(tick(next, T + 2), next)).toBe(true);
  });

  it('takes the larger counter when local and remote share a wall time', () => {
    expect(receive({ wall: T, counter: 4 }, { wall: T, counter: 9 }, T - 5)).toEqual({ wall: T, counter: 10 });
    expect(receive({ wall: T, counter: 9 }, { wall: T, counter: 4 }, T - 5)).toEqual({ wall: T, counter: 10 });
  });

  it('keeps counting locally when the local clock is ahead of the remote and the wall', () => {
    expect(receive({ wall: T + 50, counter: 1 }, { wall: T, counter: 99 }, T)).toEqual({ wall: T + 50, counter: 2 });
  });

  it('follows the wall clock when it is ahead of both', () => {
    expect(receive({ wall: T, counter: 5 }, { wall: T + 1, counter: 5 }, T + 100)).toEqual({ wall: T + 100, counter: 0 });
  });
});

describe('versions', () => {
  it('are fixed-width text that sorts like the clock', () => {
    const states: ClockState[] = [
      { wall: 5, counter: 0 },
      { wall: 5, counter: 1 },
      { wall: 5, counter: 10 },
      { wall: 40, counter: 2 },
      { wall: T, counter: 0 },
      { wall: T, counter: 99_999 },
      { wall: T + 1, counter: 0 },
    ];
    const versions = states.map((s) => formatVersion(s, NODE));
    for (const v of versions) expect(v).toMatch(VERSION);
    expect([...versions].reverse().sort()).toEqual(versions);
    // Numbers that would sort wrongly as plain text ("10" < "9") sort right when padded.
    expect(formatVersion({ wall: T, counter: 10 }, NODE) > formatVersion({ wall: T, counter: 9 }, NODE)).toBe(true);
  });

  it('break ties between nodes by node id, so two offices never produce equal versions', () => {
    const a = formatVersion({ wall: T, counter: 0 }, '00000000000000aa');
    const b = formatVersion({ wall: T, counter: 0 }, '00000000000000bb');
    expect(a).not.toBe(b);
    expect(a < b).toBe(true);
  });

  it('parse back to what was formatted', () => {
    const node = newNodeId();
    expect(node).toMatch(/^[0-9a-f]{16}$/);
    expect(parseVersion(formatVersion({ wall: T, counter: 42 }, node))).toEqual({ wall: T, counter: 42, node });
    expect(() => parseVersion('1-2-3')).toThrow(/not a version/);
    expect(() => parseVersion(`${T}-00001-XYZ`)).toThrow(/not a version/);
  });
});

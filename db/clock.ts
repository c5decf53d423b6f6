/**
 * Hybrid logical clock (Kulkarni et al., 2014). A version is "wall-counter-node": wall time in ms
 * (13 digits), a counter (5 digits) that orders events within one millisecond or when the wall clock
 * goes backwards, and the node id. As fixed-width text, versions compare correctly as strings, so the
 * newer of two versions of a record is simply the greater string.
 */
export interface ClockState {
  readonly wall: number;
  readonly counter: number;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 5;
const COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;

export function formatVersion(state: ClockState, node: string): string {
  return `${String(state.wall).padStart(WALL_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseVersion(version: string): ClockState & { node: string } {
  const match = /^(\d{13})-(\d{5})-([0-9a-f]+)$/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return { wall: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

/** The next local event: later than both the last event and the wall clock. */
export function tick(last: ClockState, now: number): ClockState {
  if (now > last.wall) return { wall: now, counter: 0 };
  return bump({ wall: last.wall, counter: last.counter + 1 });
}

/** Receiving a remote version: the local clock moves past it. */
export function receive(last: ClockState, remote: ClockState, now: number): ClockState {
  const wall = Math.max(last.wall, remote.wall, now);
  if (wall === last.wall && wall === remote.wall) return bump({ wall, counter: Math.max(last.counter, remote.counter) + 1 });
  if (wall === last.wall) return bump({ wall, counter: last.counter + 1 });
  if (wall === remote.wall) return bump({ wall, counter: remote.counter + 1 });
  return { wall, counter: 0 };
}

function bump(state: ClockState): ClockState {
  // A counter overflow within one millisecond moves the logical wall forward instead.
  return state.counter > COUNTER_MAX ? { wall: state.wall + 1, counter: 0 } : state;
}

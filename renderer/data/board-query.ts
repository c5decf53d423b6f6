import { useEffect, useState } from 'react';
import { navigate, routeQuery, useRoute, type Path } from '../router';

/** A page of due items whose address holds its choices ("/reminders?show=overdue&within=7"). */
export type BoardPath = '/reminders' | '/hotspots/due';

/** The address of a board showing one section (or all) within a number of days: a dashboard tile opens the list it counts. */
export function boardPath(base: BoardPath, view: { readonly show: string | null; readonly within: number }): Path {
  const query = new URLSearchParams();
  if (view.show) query.set('show', view.show);
  query.set('within', String(view.within));
  return `${base}?${query.toString()}`;
}

/** The windows a board offers, in days. */
export const BOARD_WINDOWS: readonly number[] = [7, 14, 30, 60];

function read<S extends string>(sections: readonly S[], windows: readonly number[], fallback: number): { show: S | null; within: number } {
  const query = new URLSearchParams(routeQuery());
  const show = query.get('show');
  const within = Number(query.get('within'));
  return { show: sections.find((section) => section === show) ?? null, within: windows.includes(within) ? within : fallback };
}

/**
 * The section shown and the window of a board, read from the address and written back to it (as the
 * deadlines page does): the page follows a change of the address from outside (a tile, the menu, back).
 */
export function useBoardQuery<S extends string>(base: BoardPath, sections: readonly S[], fallback: number, windows: readonly number[] = BOARD_WINDOWS): BoardQuery<S> {
  const [initial] = useState(() => read(sections, windows, fallback));
  const [show, setShow] = useState<S | null>(initial.show);
  const [within, setWithin] = useState(initial.within);
  useEffect(() => navigate(boardPath(base, { show, within }), true), [base, show, within]);
  const route = useRoute();
  useEffect(() => {
    const asked = read(sections, windows, fallback);
    setShow(asked.show);
    setWithin(asked.within);
    // The lists are constants of the page; the address is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route]);
  return { show, setShow, within, setWithin, windows };
}

export interface BoardQuery<S extends string> {
  readonly show: S | null;
  readonly setShow: (show: S | null) => void;
  readonly within: number;
  readonly setWithin: (within: number) => void;
  readonly windows: readonly number[];
}

import type { HotspotRow } from '../../../api/views';
import type { VirtualColumn } from '../../components/virtual-table';
import { formatIsoDate } from '../../format';
import type { I18n } from '../../i18n';
import { codeLabel } from '../register/labels';

export type HotspotSort = 'name' | 'next_review_on' | 'found_on' | 'status' | 'risk';

/** The hotspots' columns, in the list and on the due page. */
export function hotspotColumns(t: I18n['t'], today: string): VirtualColumn<HotspotRow, HotspotSort>[] {
  const none = t('common.none');
  return [
    { key: 'name', header: t('hotspot.name'), sort: 'name', rowHeader: true, cell: (h) => h.name, title: (h) => h.name },
    { key: 'type', header: t('hotspot.type'), width: '10rem', cell: (h) => codeLabel(t, 'hotspotType', h.type) },
    { key: 'status', header: t('hotspot.status'), sort: 'status', width: '9rem', cell: (h) => codeLabel(t, 'hotspotStatus', h.status) },
    { key: 'risk', header: t('hotspot.risk'), sort: 'risk', width: '7rem', cell: (h) => codeLabel(t, 'risk', h.risk) },
    { key: 'locality', header: t('report.locality'), width: '9rem', cell: (h) => h.localityName ?? none },
    { key: 'found', header: t('hotspot.foundOn'), sort: 'found_on', width: '7rem', sheet: { type: 'date', value: (h) => h.foundOn }, cell: (h) => formatIsoDate(h.foundOn) },
    {
      key: 'next',
      header: t('hotspot.nextReview'),
      sort: 'next_review_on',
      width: '7.5rem',
      sheet: { type: 'date', value: (h) => h.nextReviewOn },
      cell: (h) => (h.nextReviewOn <= today ? <span className="due-overdue">{formatIsoDate(h.nextReviewOn)}</span> : formatIsoDate(h.nextReviewOn)),
    },
  ];
}

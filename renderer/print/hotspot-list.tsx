import type { HotspotView } from '../../api/views';
import { formatDate } from '../format';
import type { HotspotsData } from './list-data';
import { ListDocument } from './list-document';
import { CellLines, type ListColumn } from './list-table';
import { isoToDisplay } from './print-format';
import { hotspotStatusLabels, hotspotsText as text, hotspotTypeLabels, listText, riskLabels } from './print-list-text';
import { label } from './print-text';

/** The summary line: the date, then the filters the list was printed with. */
function summary(data: HotspotsData, printedAt: number): string {
  const { query, localities } = data;
  const f = text.filters;
  const locality = query.localityId ? (localities.find((l) => l.id === query.localityId)?.name ?? '') : '';
  const parts = [
    query.q ? f.q(query.q) : '',
    query.type ? f.type(label(hotspotTypeLabels, query.type)) : '',
    query.status ? f.status(label(hotspotStatusLabels, query.status)) : '',
    locality ? f.locality(locality) : '',
  ].filter(Boolean);
  return [listText.asOf(formatDate(printedAt)), ...parts].join('; ');
}

function columns(data: HotspotsData): ListColumn<HotspotView>[] {
  const c = text.columns;
  const localityName = (id: string | null) => (id ? (data.localities.find((l) => l.id === id)?.name ?? '') : '');
  return [
    { key: 'name', header: c.name, width: '22%', cell: (h) => <CellLines lines={[h.name, h.address]} /> },
    { key: 'type', header: c.type, width: '13%', cell: (h) => label(hotspotTypeLabels, h.type) },
    { key: 'locality', header: c.locality, width: '11%', cell: (h) => localityName(h.localityId) },
    { key: 'risk', header: c.risk, width: '7%', center: true, cell: (h) => label(riskLabels, h.risk) },
    { key: 'status', header: c.status, width: '10%', center: true, cell: (h) => label(hotspotStatusLabels, h.status) },
    { key: 'found', header: c.found, width: '8%', center: true, cell: (h) => isoToDisplay(h.foundOn) },
    { key: 'lastCheck', header: c.lastCheck, width: '9%', center: true, cell: (h) => (h.lastCheckOn ? isoToDisplay(h.lastCheckOn) : text.neverChecked) },
    { key: 'next', header: c.nextReview, width: '8%', center: true, cell: (h) => isoToDisplay(h.nextReviewOn) },
    { key: 'persons', header: c.persons, width: '7%', center: true, cell: (h) => h.persons.length },
  ];
}

/** The watchlist of hotspots, as filtered and ordered on the hotspots page, on landscape A4. */
export function HotspotList({ data, printedAt }: { readonly data: HotspotsData; readonly printedAt: number }) {
  const { office, hotspots } = data;
  return (
    <ListDocument
      office={office}
      printedAt={printedAt}
      symbol={text.symbol}
      title={text.title}
      summary={summary(data, printedAt)}
      landscape
      caption={text.caption}
      columns={columns(data)}
      groups={[{ key: 'all', rows: hotspots }]}
      rowKey={(h) => h.id}
      empty={text.empty}
      total={text.count(hotspots.length)}
      recipients={listText.recipientsUp(office.parentName)}
    />
  );
}

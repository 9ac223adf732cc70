import { CounterCell } from './CounterCell';
import { ProvinceCell, ReviewCell } from './CaseFactCell';
import { PLUGIN_ID } from '../pluginId';

type Header = { name: string; label: unknown; attribute: { type: string }; searchable: boolean; sortable: boolean; cellFormatter?: (row: { documentId: string }) => JSX.Element };
type ListViewArgs = { displayedHeaders: Header[]; layout: { options?: { casebook?: { counters?: boolean } } } };

const column = (name: string, defaultMessage: string, cellFormatter: Header['cellFormatter']): Header => ({
  name: `${PLUGIN_ID}_${name}`,
  label: { id: `${PLUGIN_ID}.${name === 'votes' || name === 'views' ? `counters.${name}` : `caseList.${name}`}`, defaultMessage },
  attribute: { type: name === 'votes' || name === 'views' ? 'integer' : 'string' },
  searchable: false,
  sortable: false,
  cellFormatter,
});

/**
 * The Content Manager's list-view hook: content types whose schema sets `pluginOptions.casebook.counters`
 * (cases) get the columns an editor needs beside the case's own: its hospital's province and its review
 * state after the hospital, then its votes and views, with the update time last.
 */
export const addCounterColumns = ({ displayedHeaders, layout }: ListViewArgs): ListViewArgs => {
  if (!layout?.options?.casebook?.counters) return { displayedHeaders, layout };
  const facts = [
    column('province', '省份', (row) => <ProvinceCell documentId={row.documentId} />),
    column('review', '审核状态', (row) => <ReviewCell documentId={row.documentId} />),
  ];
  const counters = [
    column('votes', '投票', (row) => <CounterCell documentId={row.documentId} field="votes" />),
    column('views', '阅读', (row) => <CounterCell documentId={row.documentId} field="views" />),
  ];
  const own = displayedHeaders.filter((header) => header.name !== 'updatedAt');
  const updated = displayedHeaders.filter((header) => header.name === 'updatedAt');
  const afterHospital = own.findIndex((header) => header.name === 'hospital') + 1 || own.length;
  return { displayedHeaders: [...own.slice(0, afterHospital), ...facts, ...own.slice(afterHospital), ...counters, ...updated], layout };
};

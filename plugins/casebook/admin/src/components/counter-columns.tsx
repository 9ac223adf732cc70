import { CounterCell } from './CounterCell';
import { PLUGIN_ID } from '../pluginId';

type Header = { name: string; label: unknown; attribute: { type: string }; searchable: boolean; sortable: boolean; cellFormatter?: (row: { documentId: string }) => JSX.Element };
type ListViewArgs = { displayedHeaders: Header[]; layout: { options?: { casebook?: { counters?: boolean } } } };

const column = (field: 'votes' | 'views', defaultMessage: string): Header => ({
  name: `${PLUGIN_ID}_${field}`,
  label: { id: `${PLUGIN_ID}.counters.${field}`, defaultMessage },
  attribute: { type: 'integer' },
  searchable: false,
  sortable: false,
  cellFormatter: (row) => <CounterCell documentId={row.documentId} field={field} />,
});

/**
 * The Content Manager's list-view hook: content types whose schema sets `pluginOptions.casebook.counters`
 * (cases) get a votes and a views column.
 */
export const addCounterColumns = ({ displayedHeaders, layout }: ListViewArgs): ListViewArgs => {
  if (!layout?.options?.casebook?.counters) return { displayedHeaders, layout };
  return { displayedHeaders: [...displayedHeaders, column('votes', '投票'), column('views', '阅读')], layout };
};

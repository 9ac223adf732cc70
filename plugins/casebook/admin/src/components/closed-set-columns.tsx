import { closedSetOfEnumeration } from '../../../server/src/closed-sets';
import { ClosedSetCell, YearCell } from './ClosedSetCell';

type Row = Record<string, unknown>;
type Header = { name: string; attribute?: { type: string; enum?: string[] }; cellFormatter?: (row: Row) => JSX.Element };
type ListViewArgs<H extends Header> = { displayedHeaders: H[]; layout: unknown };

/**
 * The Content Manager's list-view hook: a column of a Casebook closed set shows labels (四川, not sichuan),
 * and an integer column named `year` shows 2026, not Strapi's 2,026. Other columns are left as Strapi draws them.
 */
export const labelClosedSetColumns = <H extends Header>({ displayedHeaders, layout }: ListViewArgs<H>): ListViewArgs<H> => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) => {
    const { attribute } = header;
    if (!attribute || header.cellFormatter) return header;
    if (attribute.type === 'enumeration' && closedSetOfEnumeration(attribute.enum)) {
      const values = attribute.enum ?? [];
      return { ...header, cellFormatter: (row: Row) => <ClosedSetCell values={values} value={row[header.name]} /> };
    }
    if (attribute.type === 'integer' && header.name === 'year') {
      return { ...header, cellFormatter: (row: Row) => <YearCell value={row[header.name]} /> };
    }
    return header;
  }),
});

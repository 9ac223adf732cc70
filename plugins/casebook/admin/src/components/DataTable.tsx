import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

export type DataRow = { key: string; cells: ReactNode[] };

/** A plain table of the plugin's pages: a row of column labels, then rows of cells (text, numbers or any node). */
export const DataTable = ({ headers, rows }: { headers: string[]; rows: DataRow[] }) => (
  <Table colCount={headers.length} rowCount={rows.length + 1}>
    <Thead>
      <Tr>
        {headers.map((header) => (
          <Th key={header}>
            <Typography variant="sigma">{header}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {rows.map((row) => (
        <Tr key={row.key}>
          {row.cells.map((cell, index) => (
            <Td key={index}>{typeof cell === 'string' || typeof cell === 'number' ? <Typography>{cell}</Typography> : cell}</Td>
          ))}
        </Tr>
      ))}
    </Tbody>
  </Table>
);

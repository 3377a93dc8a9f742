import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { ActionsColumnHeader } from './ActionsColumnHeader.tsx';

/** Props of a table whose rows end in their buttons. */
export type TableWithActionsColumnProps = TableProps & {
  /** The named columns' headers, in order; the buttons' column is added after them. */
  columns: readonly string[];
  /** The body's rows, each ending in the cell that holds its buttons. */
  children: ReactNode;
};

/**
 * A list table whose last column holds each row's buttons (remove, revoke, edit, open …): the
 * header names the columns and ends in the actions header screen readers need, written once for
 * every such table instead of in each panel.
 */
export function TableWithActionsColumn({ columns, children, ...table }: TableWithActionsColumnProps) {
  return (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column}>{column}</Table.Th>
          ))}
          <ActionsColumnHeader />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

import { Badge, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of a record drawer's title. */
export type NumberedDrawerTitleProps = {
  /** The record's number as people quote it (이관 번호, 리드 번호). */
  number: string;
  statusLabel: string;
  statusColor: string;
  /** The status badge's test id (the specs read the status from it). */
  statusTestId: string;
  /** What follows the status: the record's kind, a link to a related record. */
  children?: ReactNode;
};

/**
 * The title of a drawer that opens one numbered record (a transfer, a lead): its number as the
 * heading and its status as a coloured badge beside it, so both drawers read the same way.
 */
export function NumberedDrawerTitle({
  number,
  statusLabel,
  statusColor,
  statusTestId,
  children,
}: NumberedDrawerTitleProps) {
  return (
    <Group gap="sm">
      <Title order={2} size="h3">
        {number}
      </Title>
      <Badge color={statusColor} data-testid={statusTestId}>
        {statusLabel}
      </Badge>
      {children}
    </Group>
  );
}

import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of a scrolling box. */
export type ScrollRegionProps = {
  /** What the box holds, read out when it takes focus (e.g. 최근 상담 목록). */
  label: string;
  /** The most it grows before scrolling, as CSS (e.g. 360 or 'calc(100vh - 180px)'). */
  maxHeight: number | string;
  children: ReactNode;
};

/**
 * A box that scrolls when its content is taller than `maxHeight`. It is a focusable, labelled
 * region so a keyboard user can scroll it with the arrow keys (a list of rows without links is
 * otherwise out of the keyboard's reach), and it uses the browser's own scrolling: no script, and
 * the console's first load does not carry a custom scrollbar.
 */
export function ScrollRegion({ label, maxHeight, children }: ScrollRegionProps) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} mah={maxHeight} style={{ overflowY: 'auto' }}>
      {children}
    </Box>
  );
}

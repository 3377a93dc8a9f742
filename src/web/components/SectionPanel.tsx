import { type MantineSpacing, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { SectionPaper } from './SectionPaper.tsx';

/** Props of a titled panel. */
export type SectionPanelProps = {
  /** The heading's id: the section is named by its heading (aria-labelledby). */
  titleId: string;
  title: ReactNode;
  /** The panel's padding: "lg" for the console's side panels, "md" for a screen's panels. */
  padding?: MantineSpacing;
  /** The space between the heading and what follows it. */
  gap?: MantineSpacing;
  'data-testid'?: string;
  children: ReactNode;
};

/**
 * A bordered section with its level-2 heading on top and the content below: the shape of the
 * console's side panels and of most admin and privacy panels, written once so every such section
 * carries its name for screen readers the same way.
 */
export function SectionPanel({
  titleId,
  title,
  padding,
  gap = 'sm',
  'data-testid': testId,
  children,
}: SectionPanelProps) {
  return (
    <SectionPaper titleId={titleId} padding={padding} data-testid={testId}>
      <Stack gap={gap}>
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </SectionPaper>
  );
}

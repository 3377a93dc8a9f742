import { type MantineSpacing, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of a bordered page section. */
export type SectionPaperProps = {
  /** The id of the section's heading, inside it: the section is named by it (aria-labelledby). */
  titleId: string;
  /** "lg" for the console's side panels and the guides, "md" elsewhere. */
  padding?: MantineSpacing;
  /** The id of a caption beside the heading, read as the section's description. */
  describedBy?: string;
  /** The section's data attributes (its test id, a state the specs read). */
  [dataAttribute: `data-${string}`]: string | undefined;
  children: ReactNode;
};

/**
 * A bordered panel that is a page section named by its own heading. Screen readers list such
 * sections as regions by that name, so every panel of the app is one the same way; what sits
 * inside (the heading and anything beside it) is the caller's. SectionPanel is the usual case.
 */
export function SectionPaper({
  titleId,
  padding = 'md',
  describedBy,
  children,
  ...dataAttributes
}: SectionPaperProps) {
  return (
    <Paper
      withBorder
      radius="lg"
      p={padding}
      component="section"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      {...dataAttributes}
    >
      {children}
    </Paper>
  );
}

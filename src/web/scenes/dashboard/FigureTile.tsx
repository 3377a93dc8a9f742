import { Paper, Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';

/** Props of one figure tile. */
export type FigureTileProps = {
  figureId: string;
  label: string;
  /** The value as shown (already formatted). */
  value: string;
  /** The formula the figure is counted by, as the server words it in the UI's language: the tile's tooltip and its accessible description. */
  definition: string;
  /** A line under the value (e.g. the oldest transfer's number). */
  note?: string;
  /** Opens the records behind the figure; without it the tile is plain text (its formula read out by screen readers). */
  onOpen?: () => void;
  openLabel?: string;
};

/**
 * One figure: its name, its value and, on hover or keyboard focus, the formula it is counted by.
 * With `onOpen` the whole tile is a button that lists the records behind the figure.
 */
export function FigureTile({ figureId, label, value, definition, note, onOpen, openLabel }: FigureTileProps) {
  const descriptionId = useId();
  const body = (
    <Stack gap={2}>
      <Text size="xs" c="dark.5" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={800} data-testid="figure-value">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dark.4" lineClamp={1}>
          {note}
        </Text>
      )}
      <VisuallyHidden id={descriptionId}>{definition}</VisuallyHidden>
    </Stack>
  );
  return (
    <Tooltip
      label={definition}
      multiline
      w={320}
      withArrow
      openDelay={150}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Paper withBorder radius="md" p="sm" data-testid="figure-tile" data-figure={figureId}>
        {onOpen ? (
          <UnstyledButton
            onClick={onOpen}
            aria-describedby={descriptionId}
            aria-label={openLabel ? `${label} ${value} — ${openLabel}` : undefined}
            w="100%"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          >
            {body}
          </UnstyledButton>
        ) : (
          body
        )}
      </Paper>
    </Tooltip>
  );
}

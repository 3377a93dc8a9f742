import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Props of one row of a console list of consultations to take up. */
export type ConsultationPickRowProps = {
  /** What it is: the inquiry type and the channel (and what else tells it apart). */
  summary: ReactNode;
  /** When: handed over, started, last saved. */
  when: ReactNode;
  /** The one button that takes it up. */
  action: ReactNode;
  /** The row's data attributes (the consultation's or conversation's id the specs find it by). */
  [dataAttribute: `data-${string}`]: string;
};

/**
 * One consultation the agent can take up from the console's start screen (a call still in
 * progress, a KakaoTalk chat handed over by the bot): what it is in bold, when below it, and
 * its button at the end — one row shape so the lists above the start panel read alike.
 */
export function ConsultationPickRow({ summary, when, action, ...dataAttributes }: ConsultationPickRowProps) {
  return (
    <Group justify="space-between" wrap="nowrap" {...dataAttributes}>
      <Stack gap={0}>
        <Text fw={600}>{summary}</Text>
        <Text size="sm" c="dark.5">
          {when}
        </Text>
      </Stack>
      {action}
    </Group>
  );
}

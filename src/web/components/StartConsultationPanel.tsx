import {
  Alert,
  Button,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Channel } from '../../contract/common/channelSchema.ts';
import type { GuideChannel } from '../../domain/guide/guideSchema.ts';
import { type QueuedKey, toQueuedKey } from '../console/keyboardQueue.ts';
import { useT } from '../i18n/useT.ts';
import { describeStartTypeKeys } from '../lib/describeStartTypeKeys.ts';
import { isTypingTarget } from '../lib/isTypingTarget.ts';

/** Props of the start panel. */
export type StartConsultationPanelProps = {
  /** The channels the loaded guides serve, in order (← / → move between them). */
  channels: readonly GuideChannel[];
  /**
   * How many guides are loaded. With several, types of different guides share numbers, so a
   * number key starts the call with the picker filtered to that number instead of picking.
   */
  guideCount: number;
  /** The highest inquiry-type number of the guides: from 10 on, a first digit may begin a longer one. */
  highestTypeNumber: number;
  initialChannel: Channel;
  /** From `?caller=` (CTI screen pop), so the number is never typed twice. */
  initialCallerNumber: string;
  /**
   * Starts the call. `handOn` is the key that started it when it was a type's number: the console
   * hands it on to the type picker, so one key both starts the call and picks the type.
   */
  onStart: (input: { channel: Channel; callerNumber: string }, handOn?: QueuedKey) => void;
  /** A failed start, shown so the agent can press Enter again. */
  error: string | null;
  /** The confirmation of the consultation just saved. */
  saved: { title: string; outcome: string } | null;
};

/**
 * Step 1: channel (← / →; the last call's is kept) and optional caller number. Enter starts the
 * consultation; a type's number (1–9) starts it on that type at once — one key instead of two —
 * from anywhere on the screen outside a text field. With several guides the number is handed to
 * the picker's search instead, which lists that number's type of each guide.
 */
export function StartConsultationPanel({
  channels,
  guideCount,
  highestTypeNumber,
  initialChannel,
  initialCallerNumber,
  onStart,
  error,
  saved,
}: StartConsultationPanelProps) {
  const t = useT();
  const [channel, setChannel] = useState<Channel>(initialChannel);
  const [callerNumber, setCallerNumber] = useState(initialCallerNumber);
  const panelRef = useRef<HTMLFormElement>(null);

  // The channel control takes focus so that arrows, a type's number and Enter work at once; with a
  // CTI screen pop the type's number is the only key needed.
  useEffect(() => {
    panelRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart({ channel, callerNumber: callerNumber.trim() });
  };

  // A type's number starts the call wherever focus is on this screen, not only inside the form:
  // after the header's language switch, a click on the page background or a Tab too far, focus
  // sits outside the form, and a number key that silently did nothing there was the surprise.
  // One rule is easier to keep in the fingers than "first click back into the panel": on the
  // start screen 1–9 start a call unless a field takes the digit as text (the caller number, a
  // search box) or an open dialog owns the keys. Focus is not moved back after a language change
  // instead: it would break arrowing through the language radios and fix only that one path.
  // Enter stays the form's own (below): on a header button it must press that button.
  useEffect(() => {
    const onDigit = (event: globalThis.KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.defaultPrevented)
        return;
      if (!/^[1-9]$/.test(event.key) || isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      event.preventDefault();
      onStart({ channel, callerNumber: callerNumber.trim() }, toQueuedKey(event));
    };
    window.addEventListener('keydown', onDigit);
    return () => window.removeEventListener('keydown', onDigit);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    // Radio buttons do not submit a form on Enter by themselves.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      onStart({ channel, callerNumber: callerNumber.trim() });
    }
  };

  return (
    <Paper withBorder p="lg" radius="lg">
      <form ref={panelRef} onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby="start-title">
        <Stack gap="md">
          {saved && (
            <Alert
              color="teal"
              role="status"
              title={t('console.start.saved')}
              data-testid="saved-confirmation"
            >
              <Text size="sm">
                {saved.title} · {saved.outcome}
              </Text>
            </Alert>
          )}
          <Title order={2} size="h3" id="start-title">
            {t('console.start.title')}
          </Title>
          <Group align="flex-end" gap="lg" wrap="wrap">
            <Stack gap={6}>
              <Text size="sm" fw={500} id="channel-label">
                {t('console.start.channel')} <Kbd size="xs">←</Kbd> <Kbd size="xs">→</Kbd>
              </Text>
              <SegmentedControl
                aria-labelledby="channel-label"
                size="md"
                value={channel}
                onChange={(value) => {
                  const picked = channels.find((candidate) => candidate.id === value);
                  if (picked) setChannel(picked.id);
                }}
                data={channels.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
              />
            </Stack>
            <TextInput
              label={t('console.start.callerNumber')}
              placeholder="010-0000-0000"
              inputMode="tel"
              autoComplete="off"
              size="md"
              w={240}
              value={callerNumber}
              onChange={(event) => setCallerNumber(event.currentTarget.value)}
            />
            <Button type="submit" size="md">
              {t('console.start.submit')} <Kbd ml="xs">Enter</Kbd>
            </Button>
          </Group>
          <Text size="sm" c="dark.5" data-testid="start-type-hint">
            <Kbd size="xs">1</Kbd>–<Kbd size="xs">9</Kbd>{' '}
            {describeStartTypeKeys(guideCount, highestTypeNumber, t)}
          </Text>
          {error && (
            <Alert color="red" role="alert" title={t('console.start.failed')}>
              {error}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

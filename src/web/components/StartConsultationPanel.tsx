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
import { useT } from '../i18n/useT.ts';
import { isTypingTarget } from '../lib/isTypingTarget.ts';

/** Props of the start panel. */
export type StartConsultationPanelProps = {
  /** The channels the loaded guides serve, in order (key 1 is the first). */
  channels: readonly GuideChannel[];
  initialChannel: Channel;
  /** From `?caller=` (CTI screen pop), so the number is never typed twice. */
  initialCallerNumber: string;
  onStart: (input: { channel: Channel; callerNumber: string }) => void;
  /** A failed start, shown so the agent can press Enter again. */
  error: string | null;
  /** The confirmation of the consultation just saved. */
  saved: { title: string; outcome: string } | null;
};

/** Step 1: channel (keys 1/2…, arrows) and optional caller number; Enter starts the consultation. */
export function StartConsultationPanel({
  channels,
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

  // The channel control takes focus so that 1/2/arrows work at once and Enter starts; with a
  // CTI screen pop that is the only key needed.
  useEffect(() => {
    panelRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart({ channel, callerNumber: callerNumber.trim() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const byKey = /^[1-9]$/.test(event.key) ? channels[Number(event.key) - 1] : undefined;
    if (!isTypingTarget(event.target) && byKey) {
      event.preventDefault();
      setChannel(byKey.id);
    }
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
                {t('console.start.channel')}
                {channels.map((candidate, index) => (
                  <span key={candidate.id}>
                    {' '}
                    <Kbd size="xs">{index + 1}</Kbd> {candidate.label}
                  </span>
                ))}
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

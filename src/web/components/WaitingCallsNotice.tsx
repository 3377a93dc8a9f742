import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { CallPop } from '../../contract/cti/callPopSchema.ts';
import { poppedCallAddress } from '../console/poppedCallAddress.ts';
import { useT } from '../i18n/useT.ts';

/** Props of the notice of calls answered besides the one on screen. */
export type WaitingCallsNoticeProps = {
  pops: ReadonlyArray<CallPop & { consultationId: string }>;
  /**
   * With a call on screen, each call opens in a new tab (this one keeps its call as it is);
   * without one, `onOpen` opens it here.
   */
  onOpen?: (consultationId: string) => void;
};

/**
 * Calls answered at this agent's extension that are not the one on screen — a second call while
 * the first is open, or one left when the first was saved — each on a line of its own: "새 전화:
 * 등록된 관리책임자 · 김*수 · (주)누리테크" with its masked number and a way to open it (a link to a
 * new tab mid-call, a button otherwise; reached with Tab). The call on screen keeps its own
 * banner and directory suggestion. Announced politely to screen readers.
 */
export function WaitingCallsNotice({ pops, onOpen }: WaitingCallsNoticeProps) {
  const t = useT();
  if (pops.length === 0) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="orange.0"
      role="status"
      aria-label={t('cti.waiting.title')}
      data-testid="waiting-calls"
    >
      <Stack gap={6}>
        {pops.map((pop) => (
          <Group key={pop.callId} gap="xs" justify="space-between" wrap="nowrap" data-testid="waiting-call">
            <Group gap="xs">
              <Text fw={700} id={`waiting-call-${pop.callId}`} data-testid="waiting-call-caller">
                {t('cti.waiting.line', { caller: pop.caller.label })}
              </Text>
              {pop.callerNumber && (
                <Badge variant="outline" color="dark" radius="sm">
                  {pop.callerNumber}
                </Badge>
              )}
              {pop.state === 'ended' && (
                <Badge color="orange" variant="light" radius="sm">
                  {t('cti.waiting.ended')}
                </Badge>
              )}
            </Group>
            {onOpen ? (
              <Button
                size="xs"
                variant="light"
                aria-describedby={`waiting-call-${pop.callId}`}
                onClick={() => onOpen(pop.consultationId)}
                data-testid="waiting-call-open"
              >
                {t('cti.waiting.open')}
              </Button>
            ) : (
              <Anchor
                href={poppedCallAddress(pop)}
                target="_blank"
                rel="noopener"
                size="sm"
                fw={600}
                aria-describedby={`waiting-call-${pop.callId}`}
                data-testid="waiting-call-open"
              >
                {t('cti.waiting.openNewTab')}
              </Anchor>
            )}
          </Group>
        ))}
        {!onOpen && (
          <Text size="xs" c="dark.5">
            {t('cti.waiting.hintInCall')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

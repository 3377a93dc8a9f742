import { Group, Paper, Stack, Text } from '@mantine/core';
import type { StepOffer } from '../../domain/flow/describeStep.ts';
import { useT } from '../i18n/useT.ts';
import { CopyTextButton } from './CopyTextButton.tsx';

/**
 * The chat-link message, shown as it will be sent, with a one-click copy; while the chat is not
 * answered, `closedNote` says when it is (describeChatLinkHours), so nobody promises an answer now.
 */
export function ChatLinkOffer({
  offer,
  closedNote = null,
}: {
  offer: StepOffer;
  closedNote?: string | null;
}) {
  const t = useT();
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="chat-link-offer">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Text fw={700}>{offer.label}</Text>
            {closedNote && (
              // The theme's readable orange (6.5:1), not orange 8/9, on the offer's grey.
              <Text
                size="sm"
                fw={600}
                c="var(--mantine-color-orange-light-color)"
                data-testid="chat-link-closed-note"
              >
                {closedNote}
              </Text>
            )}
          </Group>
          <CopyTextButton text={offer.text} variant="filled" size="sm" data-testid="copy-chat-link">
            {t('console.chatLink.copy')}
          </CopyTextButton>
        </Group>
        <pre className="chat-message">{offer.text}</pre>
      </Stack>
    </Paper>
  );
}

import { Group, Paper, Stack, Text } from '@mantine/core';
import type { StepOffer } from '../../domain/flow/describeStep.ts';
import { useT } from '../i18n/useT.ts';
import { CopyTextButton } from './CopyTextButton.tsx';

/** The chat-link message, shown as it will be sent, with a one-click copy. */
export function ChatLinkOffer({ offer }: { offer: StepOffer }) {
  const t = useT();
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="chat-link-offer">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{offer.label}</Text>
          <CopyTextButton text={offer.text} variant="filled" size="sm" data-testid="copy-chat-link">
            {t('console.chatLink.copy')}
          </CopyTextButton>
        </Group>
        <pre className="chat-message">{offer.text}</pre>
      </Stack>
    </Paper>
  );
}

import { Text } from '@mantine/core';
import type { DraftStatus } from '../console/useDraftSync.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useT } from '../i18n/useT.ts';

const labels: Record<Exclude<DraftStatus['state'], 'none'>, MessageKey> = {
  opening: 'console.draft.opening',
  saving: 'console.draft.saving',
  saved: 'console.draft.saved',
  failed: 'console.draft.failed',
};

/** Whether the call on screen is saved as a draft: what a reload or another tab would resume. */
export function DraftStatusNote({ status }: { status: DraftStatus }) {
  const t = useT();
  return (
    <Text
      size="xs"
      c={status.state === 'failed' ? 'red.7' : 'dark.4'}
      role="status"
      data-testid="draft-status"
      data-state={status.state}
    >
      {status.state === 'none' ? '' : t(labels[status.state])}
      {status.state === 'failed' ? t('console.draft.failedDetail', { message: status.message }) : ''}
    </Text>
  );
}

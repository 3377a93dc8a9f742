import { Text } from '@mantine/core';
import type { DraftStatus } from '../console/useDraftSync.ts';

const labels: Record<DraftStatus['state'], string> = {
  none: '',
  opening: '상담 여는 중…',
  saving: '임시 저장 중…',
  saved: '임시 저장됨 · 새로고침하거나 다른 탭에서 열어도 이어집니다',
  failed: '임시 저장 실패',
};

/** Whether the call on screen is saved as a draft: what a reload or another tab would resume. */
export function DraftStatusNote({ status }: { status: DraftStatus }) {
  return (
    <Text
      size="xs"
      c={status.state === 'failed' ? 'red.7' : 'dark.4'}
      role="status"
      data-testid="draft-status"
      data-state={status.state}
    >
      {labels[status.state]}
      {status.state === 'failed' ? `: ${status.message} (다시 시도합니다)` : ''}
    </Text>
  );
}

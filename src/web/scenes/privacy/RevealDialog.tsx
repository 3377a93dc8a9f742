import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { privacyApi } from './privacyApi.ts';

const fieldLabels: Record<string, string> = {
  callerNumber: '발신 번호',
  contactName: '담당자',
  phone: '연락처',
  companyName: '업체명',
  inquiry: '문의 내용',
  title: '상담제목',
  body: '상담내용',
};

/** Props of the reveal dialog. */
export type RevealDialogProps = { consultationId: string | null; onClose: () => void };

/**
 * Asks why, reveals the consultation's personal data, and shows it in this dialog only: nothing is
 * cached, and closing the dialog forgets the values. The server logs the reveal with the reason.
 */
export function RevealDialog({ consultationId, onClose }: RevealDialogProps) {
  const [reason, setReason] = useState('');
  const reveal = useMutation({
    mutationFn: (input: { id: string; reason: string }) => privacyApi.reveal(input.id, input.reason),
  });
  const close = () => {
    setReason('');
    reveal.reset();
    onClose();
  };
  return (
    <Modal opened={consultationId !== null} onClose={close} title="개인정보 열람" size="lg">
      {reveal.data ? (
        <Stack gap="sm">
          <Alert color="orange" variant="light">
            열람 기록이 남았습니다. 이 창을 닫으면 값이 화면에서 사라집니다.
          </Alert>
          <Table fz="sm" data-testid="revealed-values">
            <Table.Tbody>
              {Object.entries(reveal.data.values).map(([field, value]) => (
                <Table.Tr key={field}>
                  <Table.Th style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    {fieldLabels[field] ?? field}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }} data-field={field}>
                    {value ?? (reveal.data?.personalDataErasedAt ? '(파기됨)' : '-')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={close}>닫기</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (consultationId) reveal.mutate({ id: consultationId, reason });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              마스킹을 해제한 값은 필요한 업무에만 쓰고, 열람 사유와 함께 접속기록에 남습니다.
            </Text>
            <Textarea
              label="열람 사유"
              placeholder="예: 가입 소개서 발송 후 OB 통화"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              required
              minLength={2}
              maxLength={500}
              autosize
              minRows={2}
              data-autofocus
              error={reveal.error?.message}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                취소
              </Button>
              <Button
                type="submit"
                color="orange"
                loading={reveal.isPending}
                disabled={reason.trim().length < 2}
              >
                열람
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { seoulTime } from '../../lib/seoulTime.ts';
import { privacyApi, type SubjectRequest } from './privacyApi.ts';

/**
 * Data-subject requests (정보주체 열람·삭제) for admins: find everything held about a phone number
 * or email (masked), download it as JSON, or erase it. Every step is logged with the reason.
 */
export function DataSubjectPanel() {
  const [kind, setKind] = useState<'phone' | 'email'>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const request = (): SubjectRequest => ({ [kind]: value.trim(), reason: reason.trim() });
  const find = useMutation({ mutationFn: privacyApi.findSubject });
  const remove = useMutation({ mutationFn: privacyApi.deleteSubject, onSuccess: () => find.reset() });
  const exportJson = useMutation({
    mutationFn: privacyApi.exportSubject,
    onSuccess: (data) => {
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = 'data-subject-export.json';
      link.click();
      URL.revokeObjectURL(url);
    },
  });
  const ready = value.trim().length > 0 && reason.trim().length >= 2;
  const error = find.error ?? exportJson.error ?? remove.error;
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="subject-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="subject-title">
          정보주체 요청
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) find.mutate(request());
          }}
        >
          <Group align="flex-end" gap="xs">
            <SegmentedControl
              size="xs"
              value={kind}
              onChange={(next) => setKind(next === 'email' ? 'email' : 'phone')}
              data={[
                { value: 'phone', label: '전화번호' },
                { value: 'email', label: '이메일' },
              ]}
            />
            <TextInput
              size="xs"
              label={kind === 'phone' ? '전화번호' : '이메일'}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              autoComplete="off"
            />
            <TextInput
              size="xs"
              label="요청 근거"
              placeholder="예: 2026-11-25 고객 열람 요청"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Button size="xs" type="submit" disabled={!ready} loading={find.isPending}>
              조회
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!ready}
              loading={exportJson.isPending}
              onClick={() => exportJson.mutate(request())}
            >
              JSON 내보내기
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              disabled={!ready}
              loading={remove.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    '이 정보주체의 개인정보를 모든 상담이력·리드·이관에서 파기합니다. 되돌릴 수 없습니다.',
                  )
                )
                  remove.mutate(request());
              }}
            >
              삭제
            </Button>
          </Group>
        </form>
        {error && <Alert color="red">{error.message}</Alert>}
        {remove.data && (
          <Alert color="teal">
            상담 {remove.data.erasedConsultations.length}건, 리드 {remove.data.erasedLeads.length}건, 이관{' '}
            {remove.data.erasedTransfers.length}건의 개인정보를 파기했습니다.
          </Alert>
        )}
        {find.data && (
          <Stack gap={4}>
            <Text size="sm">
              {find.data.subject.masked}: 상담 {find.data.consultations.length}건, 동의 기록{' '}
              {find.data.consentRecords.length}건, 리드 {find.data.leads.length}건, 이관{' '}
              {find.data.transfers.length}건, 기업 명부 등록 {find.data.directoryContacts.length}건
            </Text>
            <Table fz="xs" data-testid="subject-findings">
              <Table.Tbody>
                {find.data.consultations.map((consultation) => (
                  <Table.Tr key={consultation.id}>
                    <Table.Td>{seoulTime.dateTime(consultation.startedAt)}</Table.Td>
                    <Table.Td>{consultation.callerNumber ?? '-'}</Table.Td>
                    <Table.Td>{consultation.record?.title ?? '-'}</Table.Td>
                  </Table.Tr>
                ))}
                {find.data.directoryContacts.map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>{contact.company.name}</Table.Td>
                    <Table.Td>{[...contact.phones, ...contact.emails].join(', ')}</Table.Td>
                    <Table.Td>
                      {contact.name} · {contact.roleLabel}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

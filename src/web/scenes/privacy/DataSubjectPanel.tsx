import { Alert, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { dataSubjectMessages } from '../../i18n/messages/dataSubject.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { privacyApi, type SubjectRequest } from './privacyApi.ts';
import { SubjectCallsTable } from './SubjectCallsTable.tsx';

addMessages(dataSubjectMessages);

/**
 * Data-subject requests (정보주체 열람·삭제) for admins: find everything held about a phone number
 * or email (masked), download it as JSON, or erase it. Every step is logged with the reason.
 */
export function DataSubjectPanel() {
  const t = useT();
  const format = useFormat();
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
    <SectionPanel titleId="subject-title" title={t('dataSubject.title')}>
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
              { value: 'phone', label: t('dataSubject.phone') },
              { value: 'email', label: t('dataSubject.email') },
            ]}
          />
          <TextInput
            size="xs"
            label={kind === 'phone' ? t('dataSubject.phone') : t('dataSubject.email')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            autoComplete="off"
          />
          <TextInput
            size="xs"
            label={t('dataSubject.reason')}
            placeholder={t('dataSubject.reasonExample')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Button size="xs" type="submit" disabled={!ready} loading={find.isPending}>
            {t('dataSubject.find')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!ready}
            loading={exportJson.isPending}
            onClick={() => exportJson.mutate(request())}
          >
            {t('dataSubject.export')}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={!ready}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t('dataSubject.confirmDelete'))) remove.mutate(request());
            }}
          >
            {t('dataSubject.delete')}
          </Button>
        </Group>
      </form>
      {error && <Alert color="red">{error.message}</Alert>}
      {remove.data && (
        <Alert color="teal">
          {t('dataSubject.erased', {
            consultations: remove.data.erasedConsultations.length,
            leads: remove.data.erasedLeads.length,
            transfers: remove.data.erasedTransfers.length,
            calls: remove.data.erasedCalls.length,
          })}
        </Alert>
      )}
      {find.data && (
        <Stack gap={4}>
          <Text size="sm">
            {t('dataSubject.found', {
              subject: find.data.subject.masked,
              consultations: find.data.consultations.length,
              consents: find.data.consentRecords.length,
              leads: find.data.leads.length,
              transfers: find.data.transfers.length,
              contacts: find.data.directoryContacts.length,
              calls: find.data.calls.length,
              missed: find.data.calls.filter((call) => call.missed).length,
            })}
          </Text>
          {find.data.mentions.length > 0 && (
            <Text size="sm" data-testid="subject-mentions">
              {t('dataSubject.mentions', { count: find.data.mentions.length })}
            </Text>
          )}
          <Table fz="xs" data-testid="subject-findings">
            <Table.Tbody>
              {find.data.consultations.map((consultation) => (
                <Table.Tr key={consultation.id}>
                  <Table.Td>{format.dateTime(consultation.startedAt)}</Table.Td>
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
          <SubjectCallsTable calls={find.data.calls} />
        </Stack>
      )}
    </SectionPanel>
  );
}

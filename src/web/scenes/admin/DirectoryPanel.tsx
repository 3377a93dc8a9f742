import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Company } from '../../../contract/companies/companySchema.ts';
import type { DirectoryImportReport } from '../../../contract/companies/directoryImportReportSchema.ts';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import { useT } from '../../i18n/useT.ts';
import { directoryApi } from './directoryApi.ts';

/**
 * The business directory for admins: search companies (기업명, 초성, 사업자등록번호, a contact's
 * phone or whole name), their contacts masked, rename or deactivate a company, and import a CSV or
 * XLSX file — always checked first (dry run) so the refused lines are listed before anything is
 * written; the import button appears only for a file without refused lines.
 */
export function DirectoryPanel() {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: directoryApi.listKey(q),
    queryFn: ({ signal }) => directoryApi.list(q, signal),
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
  };
  return (
    <Stack gap="md">
      <DirectoryImport />
      <SectionPanel titleId="directory-list-title" title={t('admin.directory.title')} padding="lg">
        <form onSubmit={search}>
          <Group align="end">
            <TextInput
              label={t('admin.directory.search')}
              description={t('admin.directory.searchHint')}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              w={420}
            />
            <Button type="submit" variant="light">
              {t('admin.directory.find')}
            </Button>
          </Group>
        </form>
        {list.isPending ? (
          <Loader aria-label={t('admin.directory.loading')} />
        ) : list.error ? (
          <Alert color="red">{list.error.message}</Alert>
        ) : (
          <>
            <Text size="sm" data-testid="directory-total">
              {t('admin.directory.total', { total: list.data.total })}
            </Text>
            <TableWithActionsColumn
              striped
              data-testid="directory-companies"
              columns={[
                t('admin.directory.column.name'),
                t('admin.directory.column.bizNo'),
                t('admin.directory.column.status'),
                t('admin.directory.column.contacts'),
              ]}
            >
              {list.data.items.map((company) => (
                <CompanyRow key={company.id} company={company} />
              ))}
            </TableWithActionsColumn>
          </>
        )}
      </SectionPanel>
    </Stack>
  );
}

function CompanyRow({ company }: { company: Company }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(company.name);
  const [status, setStatus] = useState<Company['status']>(company.status);
  const save = useMutation({
    mutationFn: () => directoryApi.rename(company.bizNo, { name, status }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['companies'] });
    },
  });
  return (
    <Table.Tr data-bizno={company.bizNo}>
      <Table.Td>
        {editing ? (
          <TextInput
            aria-label={t('admin.directory.column.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save.mutate();
              if (event.key === 'Escape') setEditing(false);
            }}
            data-autofocus
            autoFocus
            error={save.error?.message}
          />
        ) : (
          company.name
        )}
      </Table.Td>
      <Table.Td>{company.bizNoDisplay}</Table.Td>
      <Table.Td>
        {editing ? (
          <Select
            aria-label={t('admin.directory.column.status')}
            data={[
              { value: 'active', label: t('admin.directory.active') },
              { value: 'inactive', label: t('admin.directory.inactive') },
            ]}
            value={status}
            onChange={(value) => setStatus(value === 'inactive' ? 'inactive' : 'active')}
            w={110}
          />
        ) : (
          <Badge variant="light" color={company.status === 'active' ? 'teal' : 'gray'}>
            {company.status === 'active' ? t('admin.directory.active') : t('admin.directory.inactive')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {company.contacts.map((contact) => (
            <Text size="sm" key={contact.id}>
              {contact.name} · {contact.roleLabel} · {contact.phones.join(', ')}
              {contact.emails.length > 0 ? ` · ${contact.emails.join(', ')}` : ''}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        {editing ? (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" loading={save.isPending} onClick={() => save.mutate()}>
              {t('admin.directory.save')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
              {t('admin.directory.cancel')}
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
            {t('admin.directory.edit')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ImportReport({ report }: { report: DirectoryImportReport }) {
  const t = useT();
  const result = report.dryRun
    ? t('admin.directory.report.checked')
    : report.imported
      ? t('admin.directory.report.imported')
      : t('admin.directory.report.notImported');
  return (
    <Stack gap="xs" data-testid="directory-import-report">
      <Text size="sm">
        {t('admin.directory.report.summary', {
          result,
          encoding: report.encoding,
          rows: report.rows,
          accepted: report.accepted,
          refused: report.refused.length,
          created: report.companies.created,
          updated: report.companies.updated,
        })}
        {report.imported
          ? t('admin.directory.report.contacts', {
              written: report.contacts.written,
              removed: report.contacts.removed,
            })
          : ''}
      </Text>
      {report.refused.length > 0 && (
        <Table data-testid="directory-refused">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.directory.report.line')}</Table.Th>
              <Table.Th>{t('admin.directory.report.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.refused.map((entry) => (
              <Table.Tr key={entry.line}>
                <Table.Td>{entry.line}</Table.Td>
                <Table.Td>{entry.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function DirectoryImport() {
  const t = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (picked: File) => directoryApi.importFile(picked, true) });
  const commit = useMutation({
    mutationFn: (picked: File) => directoryApi.importFile(picked, false),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['companies'] });
    },
  });
  const preview = check.data;
  const ready = file !== null && preview !== undefined && preview.refused.length === 0 && !commit.data;
  return (
    <SectionPanel titleId="directory-import-title" title={t('admin.directory.importTitle')} padding="lg">
      <Text size="sm">{t('admin.directory.importHint')}</Text>
      <label>
        <Text size="sm" component="span" mr="sm">
          {t('admin.directory.file')}
        </Text>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0] ?? null;
            setFile(picked);
            commit.reset();
            check.reset();
            if (picked) check.mutate(picked);
          }}
        />
      </label>
      {check.isPending && <Loader size="sm" aria-label={t('admin.directory.checking')} />}
      {check.error && <Alert color="red">{check.error.message}</Alert>}
      {preview && !commit.data && <ImportReport report={preview} />}
      {ready && (
        <Button w="fit-content" loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
          {t('admin.directory.importRows', { count: preview.accepted })}
        </Button>
      )}
      {commit.error && <Alert color="red">{commit.error.message}</Alert>}
      {commit.data && <ImportReport report={commit.data} />}
    </SectionPanel>
  );
}

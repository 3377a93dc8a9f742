import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Company } from '../../../contract/companies/companySchema.ts';
import type { DirectoryImportReport } from '../../../contract/companies/directoryImportReportSchema.ts';
import { directoryApi } from './directoryApi.ts';

/**
 * The business directory for admins: search companies (기업명, 초성, 사업자등록번호, a contact's
 * phone or whole name), their contacts masked, rename or deactivate a company, and import a CSV or
 * XLSX file — always checked first (dry run) so the refused lines are listed before anything is
 * written; the import button appears only for a file without refused lines.
 */
export function DirectoryPanel() {
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
      <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="directory-list-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="directory-list-title">
            기업 명부
          </Title>
          <form onSubmit={search}>
            <Group align="end">
              <TextInput
                label="검색"
                description="기업명(초성도), 사업자등록번호, 담당자 연락처·이메일, 담당자 이름 전체"
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                w={420}
              />
              <Button type="submit" variant="light">
                찾기
              </Button>
            </Group>
          </form>
          {list.isPending ? (
            <Loader aria-label="기업 명부 불러오는 중" />
          ) : list.error ? (
            <Alert color="red">{list.error.message}</Alert>
          ) : (
            <>
              <Text size="sm" data-testid="directory-total">
                {list.data.total}개 기업
              </Text>
              <Table striped data-testid="directory-companies">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>기업명</Table.Th>
                    <Table.Th>사업자등록번호</Table.Th>
                    <Table.Th>상태</Table.Th>
                    <Table.Th>담당자 (마스킹)</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((company) => (
                    <CompanyRow key={company.id} company={company} />
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function CompanyRow({ company }: { company: Company }) {
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
            aria-label="기업명"
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
            aria-label="상태"
            data={[
              { value: 'active', label: '활성' },
              { value: 'inactive', label: '비활성' },
            ]}
            value={status}
            onChange={(value) => setStatus(value === 'inactive' ? 'inactive' : 'active')}
            w={110}
          />
        ) : (
          <Badge variant="light" color={company.status === 'active' ? 'teal' : 'gray'}>
            {company.statusLabel}
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
              저장
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>
              취소
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
            수정
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ImportReport({ report }: { report: DirectoryImportReport }) {
  return (
    <Stack gap="xs" data-testid="directory-import-report">
      <Text size="sm">
        {report.dryRun ? '점검 결과' : report.imported ? '가져왔습니다' : '가져오지 않았습니다'} (
        {report.encoding}) · 행 {report.rows} · 받아들임 {report.accepted} · 거부 {report.refused.length} ·
        기업 새로 {report.companies.created} · 갱신 {report.companies.updated}
        {report.imported ? ` · 담당자 기록 ${report.contacts.written} · 삭제 ${report.contacts.removed}` : ''}
      </Text>
      {report.refused.length > 0 && (
        <Table data-testid="directory-refused">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>행</Table.Th>
              <Table.Th>거부 사유</Table.Th>
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
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="directory-import-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="directory-import-title">
          명부 가져오기 (CSV·XLSX)
        </Title>
        <Text size="sm">
          머리글: 기업명, 사업자등록번호, 담당자 이름, 담당자 구분(관리책임자|운영담당자), 연락처, 이메일 —
          담당자 한 명당 한 행. CSV는 UTF-8·CP949 모두 됩니다. 먼저 점검하고, 거부된 행이 없을 때만
          가져옵니다(전부 아니면 전무).
        </Text>
        <label>
          <Text size="sm" component="span" mr="sm">
            파일
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
        {check.isPending && <Loader size="sm" aria-label="점검 중" />}
        {check.error && <Alert color="red">{check.error.message}</Alert>}
        {preview && !commit.data && <ImportReport report={preview} />}
        {ready && (
          <Button w="fit-content" loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
            {preview.accepted}개 행 가져오기
          </Button>
        )}
        {commit.error && <Alert color="red">{commit.error.message}</Alert>}
        {commit.data && <ImportReport report={commit.data} />}
      </Stack>
    </Paper>
  );
}

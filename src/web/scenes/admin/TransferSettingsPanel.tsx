import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi, adminKeys } from './adminApi.ts';
import { describeSlaRule } from './describeSlaRule.ts';
import { TransferTypeEditor } from './TransferTypeEditor.tsx';

/**
 * 이관 담당·기한: per inquiry type, when a transfer is due (SLA on the business calendar) and who
 * gets it (a rotation among the members on duty). The table shows all types; one is edited below.
 */
export function TransferSettingsPanel() {
  const settings = useQuery({
    queryKey: adminKeys.transferSettings,
    queryFn: ({ signal }) => adminApi.transferSettings(signal),
  });
  // Types are per guide: type 1 of two guides are two rows.
  const [editing, setEditing] = useState<string | null>(null);
  const keyOf = (type: { guideId: string; inquiryType: number }) => `${type.guideId}:${type.inquiryType}`;
  const editedType = settings.data?.types.find((type) => keyOf(type) === editing);
  const severalGuides = new Set(settings.data?.types.map((type) => type.guideId)).size > 1;

  return (
    <Stack gap="md">
      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="transfer-settings-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="transfer-settings-title">
            이관 담당·기한
          </Title>
          <Text size="sm" c="dimmed">
            이관이 접수되면 당번인 담당자에게 차례로 배정되고, 기한은 영업일·영업시간으로 계산됩니다.
          </Text>
          {settings.isPending && <Loader size="sm" aria-label="불러오는 중" />}
          {settings.isError && <Alert color="red">{settings.error.message}</Alert>}
          {settings.data && (
            <Table striped highlightOnHover data-testid="transfer-settings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>유형</Table.Th>
                  <Table.Th>기한</Table.Th>
                  <Table.Th>담당자</Table.Th>
                  <Table.Th>다음 배정</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {settings.data.types.map((type) => (
                  <Table.Tr
                    key={keyOf(type)}
                    data-inquiry-type={type.inquiryType}
                    data-guide-id={type.guideId}
                    bg={editing === keyOf(type) ? 'indigo.0' : undefined}
                  >
                    <Table.Td>
                      {severalGuides && (
                        <Text size="xs" c="dark.4">
                          {type.guideLabel}
                        </Text>
                      )}
                      {type.inquiryType}. {type.label}
                    </Table.Td>
                    <Table.Td>{describeSlaRule(type.sla)}</Table.Td>
                    <Table.Td>
                      {type.assignees.length === 0 ? (
                        <Text size="sm" c="red">
                          지정 안 됨
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {type.assignees.map((member) => (
                            <Badge
                              key={member.userId}
                              variant="light"
                              color={member.onDuty ? 'indigo' : 'gray'}
                              title={member.onDuty ? '당번' : '비번'}
                            >
                              {member.name}
                              {member.onDuty ? '' : ' (비번)'}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td data-testid="next-assignee">{type.nextAssignee?.name ?? '없음'}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(keyOf(type))}
                        aria-label={`${severalGuides ? `${type.guideLabel} ` : ''}${type.inquiryType}번 유형 편집`}
                      >
                        편집
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      {settings.data && editedType && (
        <TransferTypeEditor
          key={keyOf(editedType)}
          type={editedType}
          candidates={settings.data.candidates}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

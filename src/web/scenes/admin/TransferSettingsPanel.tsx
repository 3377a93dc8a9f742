import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import { useT } from '../../i18n/useT.ts';
import { adminApi, adminKeys } from './adminApi.ts';
import { describeSlaRule } from './describeSlaRule.ts';
import { TransferTypeEditor } from './TransferTypeEditor.tsx';

/**
 * 이관 담당·기한: per inquiry type, when a transfer is due (SLA on the business calendar) and who
 * gets it (a rotation among the members on duty). The table shows all types; one is edited below.
 */
export function TransferSettingsPanel() {
  const t = useT();
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
      <SectionPanel titleId="transfer-settings-title" title={t('admin.transfers.title')}>
        <Text size="sm" c="dimmed">
          {t('admin.transfers.intro')}
        </Text>
        <QueryStates query={settings} loadingLabel={t('admin.loading')} loaderSize="sm" />
        {settings.data && (
          <TableWithActionsColumn
            striped
            highlightOnHover
            data-testid="transfer-settings"
            columns={[
              t('admin.transfers.column.type'),
              t('admin.transfers.column.due'),
              t('admin.transfers.column.assignees'),
              t('admin.transfers.column.next'),
            ]}
          >
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
                <Table.Td>{describeSlaRule(type.sla, t)}</Table.Td>
                <Table.Td>
                  {type.assignees.length === 0 ? (
                    <Text size="sm" c="red">
                      {t('admin.transfers.unassigned')}
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {type.assignees.map((member) => (
                        <Badge
                          key={member.userId}
                          variant="light"
                          color={member.onDuty ? 'indigo' : 'gray'}
                          title={member.onDuty ? t('admin.transfers.onDuty') : t('admin.transfers.offDuty')}
                        >
                          {member.name}
                          {member.onDuty ? '' : t('admin.transfers.offDutySuffix')}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td data-testid="next-assignee">{type.nextAssignee?.name ?? t('admin.none')}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setEditing(keyOf(type))}
                    aria-label={t('admin.transfers.editType', {
                      guide: severalGuides ? `${type.guideLabel} ` : '',
                      type: type.inquiryType,
                    })}
                  >
                    {t('admin.transfers.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </TableWithActionsColumn>
        )}
      </SectionPanel>
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

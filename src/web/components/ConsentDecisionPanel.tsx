import { Alert, Badge, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { decideConsent } from '../../domain/consent/decideConsent.ts';
import type { ConsentNotice, ConsentRule } from '../../domain/guide/guideSchema.ts';
import { useT } from '../i18n/useT.ts';

type ItemAnswer = { alreadyHeld: boolean; store: boolean };

/** Props of the consent decision panel. */
export type ConsentDecisionPanelProps = {
  notice: ConsentNotice;
  /** The guide's section-3 rules, which decide. */
  consentRule: ConsentRule;
  /** The script's audience says whether the caller is usually a member; the agent can change it. */
  defaultMember?: boolean;
};

/** The text after the rule id: '<id>: <explanation>' → explanation. */
function ruleText(rule: string): { id: string; text: string } {
  const at = rule.indexOf(': ');
  return at === -1 ? { id: rule, text: rule } : { id: rule.slice(0, at), text: rule.slice(at + 2) };
}

/**
 * At a consent step: the guide's section-3 decision, per item of the notice, with the rule that
 * made it. It asks only what the rule needs — member or not; for members, which items are already
 * held; whether each item is kept in the record — and decides in the browser with the same domain
 * function as `POST /api/v1/consent/decide`, so the answer is instant.
 */
export function ConsentDecisionPanel({
  notice,
  consentRule,
  defaultMember = false,
}: ConsentDecisionPanelProps) {
  const t = useT();
  const [member, setMember] = useState(defaultMember);
  const [answers, setAnswers] = useState<Record<string, ItemAnswer>>(() =>
    Object.fromEntries(notice.items.map((item) => [item, { alreadyHeld: false, store: true }])),
  );
  const decision = useMemo(
    () =>
      decideConsent(consentRule, {
        member,
        items: notice.items.map((field) => ({
          field,
          alreadyHeld: answers[field]?.alreadyHeld ?? false,
          store: answers[field]?.store ?? true,
        })),
      }),
    [consentRule, member, answers, notice.items],
  );
  const set = (field: string, change: Partial<ItemAnswer>) =>
    setAnswers((current) => ({
      ...current,
      [field]: { alreadyHeld: false, store: true, ...current[field], ...change },
    }));

  return (
    <Paper
      withBorder
      radius="lg"
      p="md"
      component="section"
      aria-label={t('console.consent.panel')}
      data-testid="consent-decision"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{t('console.consent.title')}</Text>
          <SegmentedControl
            size="xs"
            value={member ? 'member' : 'non-member'}
            onChange={(value) => setMember(value === 'member')}
            data={[
              { value: 'non-member', label: t('console.consent.nonMember') },
              { value: 'member', label: t('console.consent.member') },
            ]}
            aria-label={t('console.consent.memberOrNot')}
          />
        </Group>
        <Alert
          color={decision.consentRequired ? 'grape' : 'teal'}
          variant="light"
          data-testid="consent-decision-result"
          title={
            decision.consentRequired
              ? t('console.consent.requiredTitle')
              : t('console.consent.notRequiredTitle')
          }
        >
          <Text size="sm">
            {decision.consentRequired
              ? t('console.consent.requiredText')
              : t('console.consent.notRequiredText')}
          </Text>
        </Alert>
        <Table fz="sm" verticalSpacing={4} aria-label={t('console.consent.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('console.consent.item')}</Table.Th>
              {member && <Table.Th>{t('console.consent.alreadyHeld')}</Table.Th>}
              <Table.Th>{t('console.consent.store')}</Table.Th>
              <Table.Th>{t('console.consent.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decision.items.map((item) => {
              const rule = ruleText(item.rule);
              return (
                <Table.Tr key={item.field} data-field={item.field}>
                  <Table.Td>{item.field}</Table.Td>
                  {member && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`${item.field} ${t('console.consent.alreadyHeld')}`}
                        checked={answers[item.field]?.alreadyHeld ?? false}
                        onChange={(event) => set(item.field, { alreadyHeld: event.currentTarget.checked })}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Checkbox
                      aria-label={`${item.field} ${t('console.consent.store')}`}
                      checked={answers[item.field]?.store ?? true}
                      onChange={(event) => set(item.field, { store: event.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Badge
                        size="sm"
                        radius="sm"
                        color={item.consentRequired ? 'grape' : 'teal'}
                        variant="light"
                      >
                        {item.consentRequired
                          ? t('console.consent.required')
                          : t('console.consent.notRequired')}
                      </Badge>
                      <Text size="xs" c="dark.5" title={rule.id}>
                        {rule.text}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

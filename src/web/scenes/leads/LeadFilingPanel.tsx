import { Badge, Group, Kbd, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { useT } from '../../i18n/useT.ts';
import { DuplicateLeadWarning } from './DuplicateLeadWarning.tsx';

/** Props of the lead summary beside the Q4-Y record form. */
export type LeadFilingPanelProps = {
  companyName: string;
  contactName: string;
  phone: string;
  email: string;
  businessNumber: string;
};

/**
 * What saving a Q4-Y consultation files besides the record: the sign-up lead with its transfer to
 * the business team, and the brochure e-mail — with the values taken down at the intake, so the
 * agent can read them back to the caller before pressing Ctrl+Enter.
 */
export function LeadFilingPanel({
  companyName,
  contactName,
  phone,
  email,
  businessNumber,
}: LeadFilingPanelProps) {
  const t = useT();
  const value = (text: string) => text.trim() || '—';
  return (
    <SectionPaper titleId="lead-filing-title" data-testid="lead-filing">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="lead-filing-title">
            {t('leads.filing.title')}
          </Title>
          <Badge color="grape" variant="light">
            {t('leads.filing.badge')}
          </Badge>
        </Group>
        <SimpleGrid cols={1} spacing={2}>
          <Text size="sm">{t('leads.filing.company', { value: value(companyName) })}</Text>
          <Text size="sm">{t('leads.filing.contact', { value: value(contactName) })}</Text>
          <Text size="sm">{t('leads.filing.phone', { value: value(phone) })}</Text>
          <Text size="sm">{t('leads.filing.email', { value: value(email) })}</Text>
          {businessNumber.trim() && (
            <Text size="sm">{t('leads.filing.businessNumber', { value: businessNumber.trim() })}</Text>
          )}
        </SimpleGrid>
        <DuplicateLeadWarning companyName={companyName} email={email} />
        <Text size="sm" c="dark.5">
          {t('leads.filing.onSave')} (<Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>) {t('leads.filing.what')}
        </Text>
      </Stack>
    </SectionPaper>
  );
}

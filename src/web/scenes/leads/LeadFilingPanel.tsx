import { Badge, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';

/** Props of the lead summary under the Q4-Y record form. */
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
  const value = (text: string) => text.trim() || '—';
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="section"
      aria-labelledby="lead-filing-title"
      data-testid="lead-filing"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="lead-filing-title">
            가입 리드 접수
          </Title>
          <Badge color="grape" variant="light">
            비즈니스팀 이관 + 가입 소개서 메일
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm">업체명: {value(companyName)}</Text>
          <Text size="sm">담당자: {value(contactName)}</Text>
          <Text size="sm">연락처: {value(phone)}</Text>
          <Text size="sm">이메일주소: {value(email)}</Text>
          {businessNumber.trim() && <Text size="sm">사업자등록번호: {businessNumber.trim()}</Text>}
        </SimpleGrid>
        <Text size="sm" c="dark.5">
          저장하면 (<Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>) 리드가 비즈니스팀에 이관되고 가입 소개서가 메일로
          발송됩니다. 메일 발송 후 일정 시간이 지나 업무시간 중 OB가 진행됩니다.
        </Text>
      </Stack>
    </Paper>
  );
}

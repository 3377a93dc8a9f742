import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';

/** The frame of the sign-in screens: product name, a heading, an optional control beside it, and the form. */
export function CenteredCard({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Box component="main" mih="100vh" display="grid" style={{ placeItems: 'center' }} p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="lg">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fw={800} c="indigo.8" size="lg">
                {t('common.product')}{' '}
                <Text span c="dimmed" size="sm" fw={500}>
                  {t('common.consoleSubtitle')}
                </Text>
              </Text>
              <Title order={1} size="h2" mt={4}>
                {title}
              </Title>
            </div>
            {aside}
          </Group>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}

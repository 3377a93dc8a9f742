import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the sign-in screens: product name, a heading and the form. */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="main" mih="100vh" display="grid" style={{ placeItems: 'center' }} p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420} radius="lg">
        <Stack gap="lg">
          <div>
            <Text fw={800} c="indigo.8" size="lg">
              이음{' '}
              <Text span c="dimmed" size="sm" fw={500}>
                상담 콘솔
              </Text>
            </Text>
            <Title order={1} size="h2" mt={4}>
              {title}
            </Title>
          </div>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}

import { Alert, List, Text } from '@mantine/core';
import type { Policy } from '../../domain/guide/guideSchema.ts';

/** The guide's policy notes that apply to the current step (e.g. the "모르겠다" rule). */
export function PolicyNotes({ policies }: { policies: Policy[] }) {
  return (
    <>
      {policies.map((policy) => (
        <Alert
          key={policy.id}
          color={policy.id === 'unsure-answer' ? 'yellow' : 'gray'}
          variant="light"
          title={`${policy.marker} ${policy.title}`}
          data-testid={`policy-${policy.id}`}
        >
          <List size="sm" spacing={2}>
            {policy.items.map((item) => (
              <List.Item key={item.id}>
                <Text size="sm" fw={policy.id === 'unsure-answer' ? 700 : 400}>
                  {item.text}
                </Text>
                {item.details.map((detail) => (
                  <Text key={detail} size="sm" c="dark.5">
                    ㄴ {detail}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        </Alert>
      ))}
    </>
  );
}

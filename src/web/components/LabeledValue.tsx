import { Text } from '@mantine/core';

/** Props of a read-only value under its small label. */
export type LabeledValueProps = {
  label: string;
  value: string;
  color?: string | undefined;
  testId?: string;
};

/** A read-only value under its small label, as the transfer and lead drawers show record fields. */
export function LabeledValue({ label, value, color, testId }: LabeledValueProps) {
  return (
    <div>
      <Text size="xs" c="dark.4">
        {label}
      </Text>
      <Text size="sm" fw={500} c={color} style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

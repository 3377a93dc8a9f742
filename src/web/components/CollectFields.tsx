import { SimpleGrid, TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { StepView } from '../../domain/flow/describeStep.ts';

/** Props of the collect-node inputs. */
export type CollectFieldsProps = {
  fields: StepView['fields'];
  values: Partial<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  /** Enter in the last field: the step is done. */
  onDone: () => void;
};

/**
 * The values to take down at a collect node. The first field takes focus; Enter moves to the
 * next field and, in the last one, continues the flow, so the hands never leave the keyboard.
 */
export function CollectFields({ fields, values, onChange, onDone }: CollectFieldsProps) {
  const refs = useRef<Array<HTMLInputElement | null>>([]);

  useEffect(() => {
    refs.current[0]?.focus();
  }, []);

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const next = refs.current[index + 1];
    if (next && !event.ctrlKey) next.focus();
    else onDone();
  };

  return (
    <SimpleGrid cols={fields.length > 1 ? 2 : 1} spacing="md">
      {fields.map((field, index) => (
        <TextInput
          key={field.key}
          ref={(element) => {
            refs.current[index] = element;
          }}
          label={field.label}
          name={field.key}
          size="md"
          autoComplete="off"
          inputMode={field.key === 'phone' ? 'tel' : field.key === 'email' ? 'email' : undefined}
          value={values[field.key] ?? ''}
          onChange={(event) => onChange(field.key, event.currentTarget.value)}
          onKeyDown={onKeyDown(index)}
        />
      ))}
    </SimpleGrid>
  );
}

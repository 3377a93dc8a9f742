import { Radio, Stack } from '@mantine/core';
import type { Ref } from 'react';
import type { OpenItemsChoice } from '../../../contract/users/openItemsChoiceSchema.ts';
import { useT } from '../../i18n/useT.ts';

/** Props of the open-items choice. */
export type OpenItemsChoiceFieldProps = {
  value: OpenItemsChoice;
  onChange: (choice: OpenItemsChoice) => void;
  /** The first choice, for a dialog that focuses it as it opens. */
  firstChoiceRef?: Ref<HTMLInputElement>;
  /** Focus the first choice through the modal's data-autofocus instead. */
  autoFocus?: boolean;
};

/**
 * Where a disabled person's open transfers and leads go — back in rotation (the default: the work
 * goes on without anyone picking it up) or unassigned — as disabling and the later hand-over both
 * ask it. ↑/↓ choose; Enter on a choice submits the dialog's form, as its confirm button does.
 */
export function OpenItemsChoiceField({
  value,
  onChange,
  firstChoiceRef,
  autoFocus,
}: OpenItemsChoiceFieldProps) {
  const t = useT();
  return (
    <Radio.Group
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
        event.preventDefault();
        event.currentTarget.closest('form')?.requestSubmit();
      }}
      value={value}
      onChange={(choice) => onChange(choice === 'unassigned' ? 'unassigned' : 'rotation')}
      label={t('admin.disable.choice')}
    >
      <Stack gap="xs" mt={6}>
        <Radio
          value="rotation"
          label={t('admin.disable.rotation')}
          description={t('admin.disable.rotationHint')}
          {...(firstChoiceRef ? { ref: firstChoiceRef } : {})}
          {...(autoFocus ? { 'data-autofocus': true } : {})}
        />
        <Radio
          value="unassigned"
          label={t('admin.disable.unassigned')}
          description={t('admin.disable.unassignedHint')}
        />
      </Stack>
    </Radio.Group>
  );
}

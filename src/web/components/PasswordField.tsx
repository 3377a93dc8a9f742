import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { forwardRef } from 'react';
import { useT } from '../i18n/useT.ts';

/**
 * Mantine's PasswordInput with its show/hide button named in the app's language: left as it is,
 * the button reads "Toggle password visibility" to a screen reader in the Korean app. The name
 * leaves out the field's own label (비밀번호), so the label still names the one field.
 */
export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(
  function PasswordField(props, ref) {
    const t = useT();
    return (
      <PasswordInput
        ref={ref}
        {...props}
        visibilityToggleButtonProps={{
          'aria-label': t('common.togglePassword'),
          ...props.visibilityToggleButtonProps,
        }}
      />
    );
  },
);

import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';

/** Props of the two-step button. */
export type ConfirmButtonProps = ButtonProps & {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
};

/**
 * A destructive action that asks once more in place: the first press arms it, the second acts, and
 * leaving the button disarms it. Works from the keyboard (Enter twice) without a modal dialog.
 */
export function ConfirmButton({ label, confirmLabel, onConfirm, ...buttonProps }: ConfirmButtonProps) {
  const [armed, setArmed] = useState(false);
  return (
    <Button
      {...buttonProps}
      color={armed ? 'red' : buttonProps.color}
      variant={armed ? 'filled' : buttonProps.variant}
      onBlur={() => setArmed(false)}
      onClick={() => {
        if (!armed) {
          setArmed(true);
          return;
        }
        setArmed(false);
        onConfirm();
      }}
    >
      {armed ? confirmLabel : label}
    </Button>
  );
}

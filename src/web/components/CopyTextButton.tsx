import { Button, type ButtonProps } from '@mantine/core';
import { useTimeout } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { copyText } from '../lib/copyText.ts';

/** Props of the copy button. */
export type CopyTextButtonProps = ButtonProps & {
  text: string;
  children: ReactNode;
  copiedLabel?: string;
};

/** A one-click copy button that says "복사됨" (announced to screen readers) after copying. */
export function CopyTextButton({ text, children, copiedLabel, ...buttonProps }: CopyTextButtonProps) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const reset = useTimeout(() => setState('idle'), 2000);
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
    reset.clear();
    reset.start();
  };
  return (
    <Button
      {...buttonProps}
      color={state === 'copied' ? 'teal' : state === 'failed' ? 'red' : buttonProps.color}
      onClick={copy}
      aria-live="polite"
    >
      {state === 'copied'
        ? `✓ ${copiedLabel ?? t('common.copied')}`
        : state === 'failed'
          ? t('common.copyFailed')
          : children}
    </Button>
  );
}

import { Button, Group, TextInput } from '@mantine/core';
import { useT } from '../i18n/useT.ts';

/** Props of the reason asked before a drawer reveals a record's personal data. */
export type RevealReasonFormProps = {
  reason: string;
  onReasonChange: (reason: string) => void;
  /** Called with the trimmed reason, once it is long enough. */
  onReveal: (reason: string) => void;
  onCancel: () => void;
  revealing: boolean;
  /** An example reason fitting the record (a transfer, a lead). */
  placeholder: string;
  /** A line under the field (what the reason is kept for). */
  description?: string;
  maxLength?: number;
  inputTestId: string;
};

// The server refuses a shorter reason; the button stays off until it would be accepted.
const shortestReason = 2;

/**
 * The one-line form a drawer shows before revealing a record's masked contact: the reason
 * (written to the access log), reveal and cancel. Enter reveals; a reason shorter than the
 * server accepts is not sent.
 */
export function RevealReasonForm({
  reason,
  onReasonChange,
  onReveal,
  onCancel,
  revealing,
  placeholder,
  description,
  maxLength,
  inputTestId,
}: RevealReasonFormProps) {
  const t = useT();
  const longEnough = reason.trim().length >= shortestReason;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (longEnough) onReveal(reason.trim());
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t('transfers.drawer.reason')}
          description={description}
          placeholder={placeholder}
          value={reason}
          onChange={(event) => onReasonChange(event.currentTarget.value)}
          autoFocus
          w={320}
          maxLength={maxLength}
          data-testid={inputTestId}
        />
        <Button type="submit" loading={revealing} disabled={!longEnough}>
          {t('privacy.reveal')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}

import { Alert, Button, Group, Kbd, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from 'react';
import type { CallbackOutcome } from '../../../contract/leads/callbackOutcomeSchema.ts';
import type { Lead } from '../../../contract/leads/leadSchema.ts';
import { ApiError } from '../../api/ApiError.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/useT.ts';
import { isTypingTarget } from '../../lib/isTypingTarget.ts';
import { transferKeys } from '../queue/transferApi.ts';
import { callbackOutcomeBody } from './callbackOutcomeBody.ts';
import { leadKeys, recordOutcomeRequest } from './leadApi.ts';
import { callbackOutcomeMessageKeys } from './leadStatusMessageKeys.ts';

/** The outcome buttons in the order of their number keys, with what each does to the lead. */
const outcomes: Array<{ outcome: CallbackOutcome; hint: MessageKey; color: string }> = [
  { outcome: 'reached', hint: 'leads.outcomeHint.reached', color: 'teal' },
  { outcome: 'no-answer', hint: 'leads.outcomeHint.no-answer', color: 'orange' },
  { outcome: 'wrong-number', hint: 'leads.outcomeHint.closes', color: 'gray' },
  { outcome: 'signed-up', hint: 'leads.outcomeHint.signed-up', color: 'green' },
  { outcome: 'not-interested', hint: 'leads.outcomeHint.closes', color: 'gray' },
];

/** What the outcome is recorded on top of: the status and the attempt count shown. */
const seenOf = (lead: Lead) => ({ status: lead.status, attempts: lead.callback.attempts });

/** Props of the callback outcome form. */
export type CallbackOutcomeFormProps = { lead: Lead };

/**
 * Records what happened on an OB call: pick the outcome (or press 1–5), add a note, and for 부재중 a
 * retry time (empty: the default delay; the server moves it into business hours either way), then
 * Ctrl+Enter or the button saves. The status the lead had when the outcome was chosen goes along
 * as expectedStatus, and its attempt count as expectedAttempts (부재중 leaves the status as it was)
 * — not the ones shown at saving, which the live events keep current while the note is typed — so
 * a colleague's outcome recorded meanwhile is reported (409) instead of overwritten or counted
 * twice; the drawer then reads the lead again, and saving once more is a decision taken on it.
 */
export function CallbackOutcomeForm({ lead }: CallbackOutcomeFormProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  // The lead as it was when the outcome was chosen: its status and how many attempts it had.
  const [seen, setSeen] = useState(seenOf(lead));
  const [retryAt, setRetryAt] = useState('');
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const retryRef = useRef<HTMLInputElement>(null);

  const record = useMutation({
    mutationFn: (chosen: CallbackOutcome) =>
      recordOutcomeRequest(lead.id, callbackOutcomeBody({ outcome: chosen, retryAt, note, seen })),
    onSuccess: (updated) => {
      queryClient.setQueryData(leadKeys.detail(lead.id), updated);
      setOutcome(null);
      setRetryAt('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      void queryClient.invalidateQueries({ queryKey: transferKeys.all });
    },
    onError: async (error) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      // Someone else recorded a result: show the lead as it is now; the outcome and note stay.
      await queryClient.invalidateQueries({ queryKey: leadKeys.all });
      const fresh = queryClient.getQueryData<Lead>(leadKeys.detail(lead.id));
      if (fresh) setSeen(seenOf(fresh));
    },
  });

  const choose = (chosen: CallbackOutcome) => {
    record.reset();
    setOutcome(chosen);
    setSeen(seenOf(lead));
    setTimeout(() => (chosen === 'no-answer' ? retryRef.current : noteRef.current)?.focus(), 0);
  };
  const save = () => {
    if (outcome && !record.isPending) record.mutate(outcome);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl+Enter saves from anywhere in the form's screen once an outcome is chosen, also when it
      // comes right after the outcome key, before the note field has taken focus. The note field
      // handles its own Ctrl+Enter (and marks it handled).
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        if (!event.defaultPrevented && outcome) {
          event.preventDefault();
          save();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      const picked = outcomes[Number(event.key) - 1];
      if (picked) {
        event.preventDefault();
        choose(picked.outcome);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const chosen = outcomes.find((entry) => entry.outcome === outcome);
  const saveOnCtrlEnter = (event: ReactKeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="callback-outcome-form">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('leads.outcomeForm.title')}
        </Text>
        <Group gap="xs">
          {outcomes.map((entry, index) => (
            <Button
              key={entry.outcome}
              size="sm"
              color={entry.color}
              variant={outcome === entry.outcome ? 'filled' : 'light'}
              onClick={() => choose(entry.outcome)}
              aria-pressed={outcome === entry.outcome}
              data-testid={`outcome-${entry.outcome}`}
            >
              {t(callbackOutcomeMessageKeys[entry.outcome])} <Kbd ml={6}>{index + 1}</Kbd>
            </Button>
          ))}
        </Group>
        {chosen && (
          <Stack gap="xs">
            <Text size="xs" c="dark.4">
              {t(callbackOutcomeMessageKeys[chosen.outcome])}: {t(chosen.hint)}
            </Text>
            {chosen.outcome === 'no-answer' && (
              <TextInput
                ref={retryRef}
                type="datetime-local"
                label={t('leads.outcomeForm.retryAt')}
                description={t('leads.outcomeForm.retryAtHint')}
                value={retryAt}
                onChange={(event) => setRetryAt(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    save();
                  }
                }}
                w={320}
                data-testid="outcome-retry-at"
              />
            )}
            <Textarea
              ref={noteRef}
              label={t('leads.outcomeForm.note')}
              placeholder={t('leads.outcomeForm.notePlaceholder')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              onKeyDown={saveOnCtrlEnter}
              autosize
              minRows={2}
              maxLength={500}
              data-testid="outcome-note"
            />
            <Group gap="xs">
              <Button
                color={chosen.color}
                onClick={save}
                loading={record.isPending}
                data-testid="outcome-save"
              >
                {t('leads.outcomeForm.save', { outcome: t(callbackOutcomeMessageKeys[chosen.outcome]) })}{' '}
                <Kbd ml={6}>Ctrl</Kbd>+<Kbd>Enter</Kbd>
              </Button>
              <Button variant="subtle" onClick={() => setOutcome(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {record.error && (
          <Alert color="red" role="alert">
            {record.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

import { Group, Paper, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { type RefObject, useId, useState } from 'react';
import type { MentionCandidateView } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import { resolveMentions } from '../../../domain/transfer/resolveMentions.ts';
import { useT } from '../../i18n/useT.ts';
import { roleLabels } from '../admin/roleLabels.ts';
import { applyMentionCompletion } from './applyMentionCompletion.ts';
import { readMentionCompletion } from './readMentionCompletion.ts';

/** Props of the comment box with '@' completion. */
export type MentionTextareaProps = {
  value: string;
  onChange: (value: string) => void;
  /** Who the comment can mention; undefined while they load (nothing is completed or flagged). */
  candidates: readonly MentionCandidateView[] | undefined;
  /** Ctrl+Enter (⌘+Enter). */
  onSubmit: () => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  label: string;
  placeholder: string;
  testId?: string;
};

/**
 * A comment box where typing '@' offers the people the comment can mention: ↑/↓ move, Enter or Tab
 * puts '@name ' in, Esc closes the list (and only the list: the drawer stays open). Enter breaks the
 * line while no list is open; Ctrl+Enter posts. The list follows the ARIA combobox pattern as a
 * multi-line text box may (a textarea takes no combobox role): the box names the listbox it
 * controls and its active option (aria-activedescendant), focus stays in the box, and a status line
 * says how many are offered and which keys pick. An '@word' that names nobody is flagged under the
 * box before posting, with the rule the server resolves mentions by.
 */
export function MentionTextarea({
  value,
  onChange,
  candidates,
  onSubmit,
  textareaRef,
  label,
  placeholder,
  testId,
}: MentionTextareaProps) {
  const t = useT();
  const listId = useId();
  // Where the caret is while the box has focus; null when it has not (the list is then closed).
  const [caret, setCaret] = useState<number | null>(null);
  const [highlight, setHighlight] = useState(0);
  // The '@' whose list Esc closed: it stays closed until the caret leaves that mention.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const found = caret === null || !candidates ? null : readMentionCompletion(value, caret, candidates);
  // The completion whose list is shown (null: closed).
  const completion = found && found.start !== dismissedAt ? found : null;
  const open = completion !== null;
  const active = completion ? Math.min(highlight, completion.options.length - 1) : -1;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const follow = (element: HTMLTextAreaElement) => {
    const at = element.selectionStart;
    setCaret(at);
    if (candidates && readMentionCompletion(element.value, at, candidates)?.start !== dismissedAt)
      setDismissedAt(null);
  };
  const pick = (picked: MentionCandidateView) => {
    if (!completion) return;
    const next = applyMentionCompletion(value, completion, picked);
    onChange(next.text);
    setHighlight(0);
    setCaret(next.caret);
    // After React has put the new text in: the caret goes after the inserted name.
    requestAnimationFrame(() => textareaRef.current?.setSelectionRange(next.caret, next.caret));
  };

  // The word being completed is not flagged while its list is open: it is still being typed.
  const settled = completion ? `${value.slice(0, completion.start)}${value.slice(completion.end)}` : value;
  const unresolved = candidates ? resolveMentions(settled, candidates).unresolved : [];

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        ref={textareaRef}
        placeholder={placeholder}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        // Esc closes the list, not the drawer around it (Mantine's modals honour this marker).
        data-mantine-stop-propagation={open ? 'true' : undefined}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          setHighlight(0);
          follow(event.currentTarget);
        }}
        onSelect={(event) => follow(event.currentTarget)}
        onFocus={(event) => follow(event.currentTarget)}
        onBlur={() => setCaret(null)}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
          if (completion) {
            const count = completion.options.length;
            const picked = completion.options[active];
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              setHighlight((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
              return;
            }
            if ((event.key === 'Enter' || event.key === 'Tab') && plain && picked) {
              event.preventDefault();
              pick(picked);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              setDismissedAt(completion.start);
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmit();
          }
        }}
        autosize
        minRows={2}
        data-testid={testId}
      />
      {completion && (
        <Paper
          withBorder
          shadow="md"
          radius="md"
          p={4}
          id={listId}
          role="listbox"
          aria-label={t('transfers.mention.listLabel')}
          data-testid="mention-options"
          style={{ position: 'absolute', left: 0, right: 0, top: '100%', zIndex: 10 }}
        >
          {completion.options.map((option, index) => (
            <Group
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              gap={8}
              px={8}
              py={4}
              wrap="nowrap"
              style={{
                borderRadius: 4,
                cursor: 'pointer',
                background: index === active ? 'var(--mantine-color-indigo-0)' : undefined,
              }}
              // Picked on press, before the box would lose focus to the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setHighlight(index)}
            >
              <Text size="sm" fw={500}>
                {option.name}
              </Text>
              <Text size="xs" c="dark.4">
                {t(roleLabels[option.role])} · @{option.handle}
              </Text>
            </Group>
          ))}
        </Paper>
      )}
      <VisuallyHidden role="status">
        {completion ? t('transfers.mention.suggestions', { count: completion.options.length }) : ''}
      </VisuallyHidden>
      {unresolved.length > 0 && (
        <Text size="xs" c="orange.9" mt={4} data-testid="unresolved-mentions">
          {t('transfers.mention.unresolved', { words: unresolved.map((word) => `@${word}`).join(', ') })}
        </Text>
      )}
    </div>
  );
}

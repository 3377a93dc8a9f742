import { Badge, Group, Kbd, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { maskPhone } from '../../domain/privacy/maskPhone.ts';
import { useT } from '../i18n/useT.ts';
import { type InquiryChoice, listInquiryChoices } from '../lib/listInquiryChoices.ts';
import { pickByDigit } from '../lib/pickByDigit.ts';

/** Props of the inquiry-type picker. */
export type InquiryTypePickerProps = {
  /** Every loaded guide; with more than one, each type shows its guide. */
  guides: readonly Guide[];
  /** The consultation's channel: types whose script is not read on it are not offered. */
  channel: Channel;
  channelLabel: string;
  callerNumber: string;
  onPick: (type: InquiryType, guide: Guide) => void;
};

/**
 * Step 2: the transfer types of every guide, each with its label, description and the script
 * (Q1–Q4) it opens. With one guide, keys 1–9 pick a type at once; with several, a number is typed
 * to filter (types of different guides share numbers). Typing filters, ↑/↓ move, Enter picks.
 */
export function InquiryTypePicker({
  guides,
  channel,
  channelLabel,
  callerNumber,
  onPick,
}: InquiryTypePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const choices = useMemo(() => listInquiryChoices(guides, channel, query), [guides, channel, query]);
  const active = choices[Math.min(highlighted, choices.length - 1)];
  const single = guides.length === 1 ? guides[0] : undefined;
  const optionKey = (choice: InquiryChoice) =>
    single ? `${choice.type.number}` : `${choice.guide.id}-${choice.type.number}`;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    // Digits never occur in the labels people type, so they are free to be the picking keys. A digit
    // picks only among the types shown: one the filter hid (or any, when nothing matches) is typed
    // into the search instead, so a number never picks a type the agent cannot see. Hence the
    // "no match" message says to clear the search before picking by number. With types 10 and up,
    // a digit that may start a longer number is typed too (see pickByDigit).
    if (single && /^[1-9]$/.test(event.key)) {
      const choice = pickByDigit(choices, event.key);
      if (choice) {
        event.preventDefault();
        onPick(choice.type, choice.guide);
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted(
        (current) => (Math.min(current, choices.length - 1) + step + choices.length) % choices.length,
      );
      return;
    }
    if (event.key === 'Enter' && active) {
      event.preventDefault();
      onPick(active.type, active.guide);
    }
  };

  return (
    <Paper withBorder p="lg" radius="lg">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3">
            {t('console.picker.title')}
          </Title>
          <Text size="sm" c="dark.5">
            {channelLabel}
            {/* Masked as the screen pop shows it: the agent talks to the caller without reading it. */}
            {callerNumber ? ` · ${maskPhone(callerNumber)}` : ''}
          </Text>
        </Group>
        <TextInput
          ref={inputRef}
          size="md"
          label={t('console.picker.search')}
          description={
            single
              ? single.inquiryTypes.some((type) => type.number >= 10)
                ? t('console.picker.hintSingleLong')
                : t('console.picker.hintSingle')
              : t('console.picker.hintMany', { count: guides.length })
          }
          placeholder={t('console.picker.placeholder')}
          // Ctrl+K from here searches the whole guide for what was typed (SearchBox).
          data-search-carry
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setHighlighted(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={active ? `${listId}-${optionKey(active)}` : undefined}
          aria-autocomplete="list"
        />
        <Stack gap={6} id={listId} role="listbox" aria-label={t('console.picker.list')}>
          {choices.length === 0 && (
            <Text c="dark.5" py="md" data-testid="picker-none">
              {t('console.picker.none')}
            </Text>
          )}
          {choices.map((choice, index) => {
            const { type, script, guide } = choice;
            const isActive = choice === active;
            return (
              <UnstyledButton
                key={optionKey(choice)}
                id={`${listId}-${optionKey(choice)}`}
                role="option"
                aria-selected={isActive}
                tabIndex={-1}
                onClick={() => onPick(type, guide)}
                onMouseEnter={() => setHighlighted(index)}
                data-testid={`inquiry-type-${optionKey(choice)}`}
                p="sm"
                style={{
                  borderRadius: 'var(--mantine-radius-md)',
                  border: `2px solid ${isActive ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-3)'}`,
                  background: isActive ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-white)',
                }}
              >
                <Group wrap="nowrap" align="flex-start" gap="md">
                  <Kbd size="lg">{type.number}</Kbd>
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Group gap="xs">
                      {!single && (
                        <Badge variant="outline" color="gray" radius="sm" data-testid="type-guide">
                          {guide.heading}
                        </Badge>
                      )}
                      <Text fw={700}>{type.label}</Text>
                      {script && (
                        <Badge variant="light" color="indigo" radius="sm">
                          Q{script.number} · {script.audience}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dark.6">
                      {type.description}
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}

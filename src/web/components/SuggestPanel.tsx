import { Badge, Group, Kbd, Paper, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, useId, useState } from 'react';
import type { InquirySuggestion } from '../../contract/assist/inquirySuggestionsSchema.ts';
import type { Channel } from '../../contract/common/channelSchema.ts';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { scriptChannels } from '../../domain/guide/scriptChannels.ts';
import { useInquirySuggestions } from '../api/useInquirySuggestions.ts';
import { useT } from '../i18n/useT.ts';

/** Props of the suggestion panel. */
export type SuggestPanelProps = {
  /** Every loaded guide: suggestions span them, each shown with its guide when there are several. */
  guides: readonly Guide[];
  /** The consultation's channel: a suggestion whose script is not read on it is not offered. */
  channel: Channel;
  /**
   * Accepting a suggestion picks its inquiry type and starts its script; the caller's words come
   * along so the record's 문의 내용 starts from them instead of being typed again.
   */
  onPick: (type: InquiryType, guide: Guide, callerWords: string) => void;
};

// Speech is typed in bursts; waiting for a short pause avoids a request per syllable.
const DEBOUNCE_MS = 200;

// Alt+digit, not a bare digit: the caller's words contain numbers (2월, 3건), and the picker's
// bare 1–9 keys belong to its own field. Matched on the physical key so a Mac's ⌥1 (¡) works too.
const acceptCodes = ['Digit1', 'Digit2', 'Digit3'];

/**
 * 고객 말씀: the agent types what the caller said in their own words; the three most likely
 * inquiry types show with the script each opens. Enter accepts the first, Alt+1/2/3 any of them.
 */
export function SuggestPanel({ guides, channel, onPick }: SuggestPanelProps) {
  const t = useT();
  const [text, setText] = useState('');
  const listId = useId();
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const suggest = useInquirySuggestions(debounced);
  const guideOf = (suggestion: InquirySuggestion) => guides.find((guide) => guide.id === suggestion.guideId);
  const onChannel = (suggestion: InquirySuggestion) => {
    const guide = guideOf(suggestion);
    const script = guide?.scripts.find((candidate) => candidate.id === suggestion.scriptId);
    return guide !== undefined && script !== undefined && scriptChannels(guide, script).includes(channel);
  };
  const suggestions = text.trim() && suggest.data ? suggest.data.filter(onChannel).slice(0, 3) : [];

  const typeOf = (suggestion: InquirySuggestion) =>
    guideOf(suggestion)?.inquiryTypes.find((type) => type.number === suggestion.inquiryType);

  const accept = (suggestion: InquirySuggestion | undefined) => {
    const guide = suggestion && guideOf(suggestion);
    const type = suggestion && typeOf(suggestion);
    if (guide && type) onPick(type, guide, text.trim());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const index = acceptCodes.indexOf(event.code);
      if (index >= 0) {
        event.preventDefault();
        accept(suggestions[index]);
      }
      return;
    }
    // Shift+Enter keeps a line break for a long account of the problem.
    if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      accept(suggestions[0]);
    }
  };

  return (
    <Paper withBorder p="lg" radius="lg" data-testid="suggest-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('console.suggest.title')}
        </Title>
        <Textarea
          size="md"
          label={t('console.suggest.label')}
          description={t('console.suggest.description')}
          placeholder={t('console.suggest.placeholder')}
          autosize
          minRows={1}
          maxRows={4}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          // Only a list that is on the page can be pointed at (an id with no element is invalid ARIA).
          aria-controls={suggestions.length > 0 ? listId : undefined}
        />
        <Text size="xs" c="dark.5">
          <Kbd size="xs">Enter</Kbd> {t('console.suggest.keyFirst')} · <Kbd size="xs">Alt</Kbd>+
          <Kbd size="xs">1</Kbd>
          <Kbd size="xs">2</Kbd>
          <Kbd size="xs">3</Kbd> {t('console.suggest.keyThat')} · <Kbd size="xs">Shift</Kbd>+
          <Kbd size="xs">Enter</Kbd> {t('console.suggest.keyNewline')}
        </Text>
        {suggest.isError && text.trim() && (
          <Text c="red.8" size="sm" role="alert">
            {t('console.suggest.failed', { message: suggest.error.message })}
          </Text>
        )}
        {suggestions.length > 0 && (
          <Stack
            gap={6}
            id={listId}
            role="list"
            aria-label={t('console.suggest.list')}
            aria-busy={suggest.isFetching || debounced !== text}
            style={{ opacity: suggest.isFetching ? 0.7 : 1 }}
          >
            {suggestions.map((suggestion, index) => {
              const type = typeOf(suggestion);
              const guide = guideOf(suggestion);
              const script = guide?.scripts.find((candidate) => candidate.id === suggestion.scriptId);
              return (
                <UnstyledButton
                  key={`${suggestion.guideId}:${suggestion.inquiryType}`}
                  role="listitem"
                  tabIndex={-1}
                  onClick={() => accept(suggestion)}
                  data-testid="suggestion"
                  data-inquiry-type={suggestion.inquiryType}
                  p="sm"
                  style={{
                    borderRadius: 'var(--mantine-radius-md)',
                    border: `2px solid ${index === 0 ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-3)'}`,
                    background: index === 0 ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-white)',
                  }}
                >
                  <Group wrap="nowrap" align="flex-start" gap="md">
                    <Stack gap={2} align="center" style={{ flexShrink: 0 }}>
                      <Group gap={2} wrap="nowrap">
                        <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">{index + 1}</Kbd>
                      </Group>
                      {index === 0 && <Kbd size="xs">Enter</Kbd>}
                    </Stack>
                    <Stack gap={2} style={{ flex: 1 }}>
                      <Group gap="xs">
                        {guides.length > 1 && guide && (
                          <Badge variant="outline" color="gray" radius="sm" data-testid="suggestion-guide">
                            {guide.heading}
                          </Badge>
                        )}
                        <Text fw={700}>
                          {suggestion.inquiryType}. {type?.label ?? suggestion.label}
                        </Text>
                        {script && (
                          <Badge variant="light" color="indigo" radius="sm">
                            Q{script.number} · {script.audience}
                          </Badge>
                        )}
                        <Text size="xs" c="dark.4">
                          {Math.round(suggestion.score * 100)}%
                        </Text>
                      </Group>
                      {script && (
                        <Text size="sm" c="dark.6">
                          {t('console.suggest.script', { title: script.title })}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

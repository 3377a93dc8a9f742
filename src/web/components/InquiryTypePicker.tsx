import { Badge, Group, Kbd, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { filterInquiryTypes } from '../lib/filterInquiryTypes.ts';

/** Props of the inquiry-type picker. */
export type InquiryTypePickerProps = {
  guide: Guide;
  channelLabel: string;
  callerNumber: string;
  onPick: (type: InquiryType) => void;
};

/**
 * Step 2: the nine transfer types, each with its label, description and the script (Q1–Q4) it
 * opens. Keys 1–9 pick a type at once; typing filters, ↑/↓ move, Enter picks the highlighted one.
 */
export function InquiryTypePicker({ guide, channelLabel, callerNumber, onPick }: InquiryTypePickerProps) {
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const types = useMemo(() => filterInquiryTypes(guide, query), [guide, query]);
  const active = types[Math.min(highlighted, types.length - 1)];

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const scriptOf = (type: InquiryType) => guide.scripts.find((script) => script.id === type.scriptId);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    // Digits never occur in the labels people type, so they are free to be the picking keys.
    if (/^[1-9]$/.test(event.key)) {
      const type = guide.inquiryTypes.find((candidate) => candidate.number === Number(event.key));
      if (type) {
        event.preventDefault();
        onPick(type);
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((current) => (Math.min(current, types.length - 1) + step + types.length) % types.length);
      return;
    }
    if (event.key === 'Enter' && active) {
      event.preventDefault();
      onPick(active);
    }
  };

  return (
    <Paper withBorder p="lg" radius="lg">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3">
            문의 유형 선택
          </Title>
          <Text size="sm" c="dark.5">
            {channelLabel}
            {callerNumber ? ` · ${callerNumber}` : ''}
          </Text>
        </Group>
        <TextInput
          ref={inputRef}
          size="md"
          label="유형 검색"
          description="숫자 1–9로 바로 선택 · 입력해서 찾기(초성 가능) · ↑↓ 이동 · Enter 선택"
          placeholder="예: 가입, 미수금, ㄱㅇ"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setHighlighted(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={active ? `${listId}-${active.number}` : undefined}
          aria-autocomplete="list"
        />
        <Stack gap={6} id={listId} role="listbox" aria-label="문의 유형">
          {types.length === 0 && (
            <Text c="dark.5" py="md">
              일치하는 유형이 없습니다. 다른 말로 찾거나 숫자 키로 선택해 주세요.
            </Text>
          )}
          {types.map((type) => {
            const script = scriptOf(type);
            const isActive = type === active;
            return (
              <UnstyledButton
                key={type.number}
                id={`${listId}-${type.number}`}
                role="option"
                aria-selected={isActive}
                tabIndex={-1}
                onClick={() => onPick(type)}
                onMouseEnter={() => setHighlighted(types.indexOf(type))}
                data-testid={`inquiry-type-${type.number}`}
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

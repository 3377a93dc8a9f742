import {
  Badge,
  CloseButton,
  Group,
  Kbd,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../contract/assist/searchHitSchema.ts';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { useGuideSearch } from '../api/useGuideSearch.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { type Translate, useT } from '../i18n/useT.ts';

/** Props of the Ctrl+K search palette. */
export type SearchPaletteProps = {
  opened: boolean;
  /** What the search starts with as it opens (the type picker's filter, carried by Ctrl+K). */
  initialQuery?: string;
  /** Esc, a click outside or the close button: nothing was opened. */
  onClose: () => void;
  /** Every loaded guide: hits come from all of them, each shown with its guide when there are several. */
  guides: readonly Guide[] | undefined;
  /** Enter on a hit: the inquiry type whose script to start, and its guide. */
  onOpen: (type: InquiryType, guide: Guide) => void;
};

// Long enough to skip the intermediate syllables of a fast typist, short enough to feel instant.
const DEBOUNCE_MS = 120;

const kindLabels: Partial<Record<string, MessageKey>> = {
  'inquiry-type': 'console.search.kind.inquiryType',
  script: 'console.search.kind.script',
  sentence: 'console.search.kind.sentence',
  message: 'console.search.kind.message',
  policy: 'console.search.kind.policy',
};

const matchLabels: Partial<Record<string, MessageKey>> = {
  exact: 'console.search.match.exact',
  spacing: 'console.search.match.spacing',
  choseong: 'console.search.match.choseong',
  jamo: 'console.search.match.jamo',
  fuzzy: 'console.search.match.fuzzy',
  latin: 'console.search.match.latin',
};

function labelOf(labels: Partial<Record<string, MessageKey>>, kind: string, t: Translate): string {
  const key = labels[kind];
  return key ? t(key) : kind;
}

/**
 * The inquiry type Enter starts for a hit: its own type, or for a script sentence the first type
 * the guide routes to that script (the agent can re-pick with Esc once the script runs).
 * Messages and policies that belong to no script open nothing.
 */
function inquiryTypeOfHit(guide: Guide | undefined, hit: SearchHit): InquiryType | null {
  if (!guide) return null;
  if (hit.inquiryType !== null) {
    const own = guide.inquiryTypes.find((type) => type.number === hit.inquiryType);
    if (own) return own;
  }
  if (hit.scriptId === null) return null;
  return guide.inquiryTypes.find((type) => type.scriptId === hit.scriptId) ?? null;
}

const guideOfHit = (guides: readonly Guide[] | undefined, hit: SearchHit): Guide | undefined =>
  guides?.find((guide) => guide.id === hit.guideId);

function HighlightedSnippet({ hit }: { hit: SearchHit }) {
  const { snippet, highlight } = hit.matched;
  const start = Math.max(0, Math.min(highlight.start, snippet.length));
  const end = Math.max(start, Math.min(highlight.end, snippet.length));
  return (
    <Text size="sm" c="dark.6" lineClamp={2}>
      {snippet.slice(0, start)}
      <mark style={{ background: 'var(--mantine-color-yellow-2)', padding: 0 }}>
        {snippet.slice(start, end)}
      </mark>
      {snippet.slice(end)}
    </Text>
  );
}

function PaletteBody({
  guides,
  onOpen,
  initialQuery = '',
}: Pick<SearchPaletteProps, 'guides' | 'onOpen' | 'initialQuery'>) {
  const t = useT();
  const [query, setQuery] = useState(initialQuery);
  const [debounced] = useDebouncedValue(query, DEBOUNCE_MS);
  const [highlighted, setHighlighted] = useState(0);
  const listId = useId();
  const search = useGuideSearch(debounced);
  const hits = query.trim() && search.data ? search.data : [];
  const activeIndex = Math.min(highlighted, hits.length - 1);
  const active = hits[activeIndex];

  const open = (hit: SearchHit) => {
    const guide = guideOfHit(guides, hit);
    const type = inquiryTypeOfHit(guide, hit);
    if (guide && type) onOpen(type, guide);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && hits.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((Math.max(activeIndex, 0) + step + hits.length) % hits.length);
      return;
    }
    if (event.key === 'Enter' && active) {
      event.preventDefault();
      open(active);
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        size="md"
        aria-label={t('console.search.query')}
        placeholder={t('console.search.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={active ? `${listId}-${activeIndex}` : undefined}
        aria-autocomplete="list"
        rightSection={
          search.isFetching ? <Loader size="xs" aria-label={t('console.search.searching')} /> : null
        }
      />
      <Text size="xs" c="dark.5">
        <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('console.search.keyMove')} ·{' '}
        <Kbd size="xs">Enter</Kbd> {t('console.search.keyOpen')} · <Kbd size="xs">Esc</Kbd>{' '}
        {t('console.search.keyClose')}
      </Text>
      <Stack
        gap={6}
        id={listId}
        role="listbox"
        aria-label={t('console.search.results')}
        data-testid="search-results"
      >
        {search.isError && (
          <Text c="red.8" size="sm" role="alert">
            {t('console.search.failed', { message: search.error.message })}
          </Text>
        )}
        {query.trim() && debounced === query && search.isSuccess && hits.length === 0 && (
          <Text c="dark.5" py="md">
            {t('console.search.none')}
          </Text>
        )}
        {hits.map((hit, index) => {
          const guide = guideOfHit(guides, hit);
          const type = inquiryTypeOfHit(guide, hit);
          const script = type
            ? guide?.scripts.find((candidate) => candidate.id === type.scriptId)
            : undefined;
          const isActive = index === activeIndex;
          return (
            <UnstyledButton
              key={`${hit.guideId}:${hit.id}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={isActive}
              aria-disabled={type === null}
              tabIndex={-1}
              onClick={() => open(hit)}
              onMouseEnter={() => setHighlighted(index)}
              data-testid="search-hit"
              data-inquiry-type={type?.number}
              p="sm"
              style={{
                borderRadius: 'var(--mantine-radius-md)',
                border: `2px solid ${isActive ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-3)'}`,
                background: isActive ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-white)',
              }}
            >
              <Stack gap={2}>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                    {labelOf(kindLabels, hit.kind, t)}
                  </Badge>
                  {guides && guides.length > 1 && guide && (
                    <Badge
                      variant="outline"
                      color="gray"
                      radius="sm"
                      style={{ flexShrink: 0 }}
                      data-testid="hit-guide"
                    >
                      {guide.heading}
                    </Badge>
                  )}
                  <Text fw={700} truncate>
                    {hit.title}
                  </Text>
                  <Badge variant="outline" color="teal" radius="sm" style={{ flexShrink: 0 }}>
                    {labelOf(matchLabels, hit.matched.kind, t)}
                  </Badge>
                </Group>
                <HighlightedSnippet hit={hit} />
                <Text size="xs" c={type ? 'indigo.8' : 'dark.4'}>
                  {type && script
                    ? `→ ${type.number}. ${type.label} · ${t('console.search.startsScript', { number: script.number })}`
                    : t('console.search.noScript')}
                </Text>
              </Stack>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Stack>
  );
}

/**
 * Ctrl+K palette: Korean-aware search across every guide as the agent types (초성, spacing, typos,
 * English-mode keys), showing what matched; ↑/↓ move, Enter starts the hit's script, Esc closes.
 * A native modal `<dialog>`: the browser keeps focus inside it, makes the page behind inert and
 * closes it on Esc, so the console's first load carries no modal library.
 */
export function SearchPalette({ opened, onClose, guides, onOpen, initialQuery }: SearchPaletteProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const openedNow = useRef(opened);
  openedNow.current = opened;

  // Layout effect: the dialog is open and its field focused before the next key arrives.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (opened && !element.open) {
      element.showModal();
      element.querySelector<HTMLInputElement>('input')?.focus();
    }
    // The caller decides where focus goes: back to where it was on Esc, into the script on Enter.
    if (!opened && element.open) element.close();
  }, [opened]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="search-palette"
      // Esc (the browser's own close) while still open: nothing was opened.
      onClose={() => {
        if (openedNow.current) onClose();
      }}
      // A click on the backdrop lands on the dialog itself, outside its content box.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <Stack gap="md" p="lg">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={titleId}>
            {t('console.search.title')}
          </Title>
          <CloseButton aria-label={t('console.search.close')} onClick={onClose} tabIndex={-1} />
        </Group>
        {/* Mounted only while open, so every opening starts afresh (empty, or the carried text). */}
        {opened && <PaletteBody guides={guides} onOpen={onOpen} initialQuery={initialQuery ?? ''} />}
      </Stack>
    </dialog>
  );
}

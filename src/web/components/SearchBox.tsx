import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { useT } from '../i18n/useT.ts';
import { SearchPalette } from './SearchPalette.tsx';

/** Props of the header search box. */
export type SearchBoxProps = {
  guides: readonly Guide[] | undefined;
  /** Starts the inquiry type's script (starting a call first when none is active). */
  onOpen: (type: InquiryType, guide: Guide) => void;
};

/**
 * The header's guide search: a box that opens the search palette on click and from anywhere
 * with Ctrl+K (⌘K on a Mac), even while a field has focus, because the agent reaches for it
 * mid-call.
 */
export function SearchBox({ guides, onOpen }: SearchBoxProps) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  // What the field Ctrl+K was pressed in had typed (the type picker's filter), searched at once.
  const [carried, setCarried] = useState('');
  // Where the agent was, so Esc puts them back there; Enter moves them into the script instead.
  const returnTo = useRef<HTMLElement | null>(null);

  const openPalette = () => {
    if (opened) return;
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement ? active : null;
    setCarried(
      active instanceof HTMLInputElement && active.dataset.searchCarry !== undefined ? active.value : '',
    );
    setOpened(true);
  };

  // Physical key: in 한글 mode the K key reports 'ㅏ'. No ignored tags: it works inside fields too.
  useHotkeys([['mod+K', openPalette, { usePhysicalKeys: true }]], []);

  return (
    <>
      <UnstyledButton
        onClick={openPalette}
        aria-label={t('console.search.open')}
        aria-haspopup="dialog"
        data-testid="search-box"
        px="sm"
        py={6}
        w="100%"
        maw={420}
        style={{
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-md)',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" c="dark.4" truncate>
            {t('console.search.box')}
          </Text>
          {/* The key caps keep their width; the hint text is what gives way on a narrow header. */}
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Kbd size="xs">Ctrl</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
        </Group>
      </UnstyledButton>
      <SearchPalette
        opened={opened}
        initialQuery={carried}
        guides={guides}
        onClose={() => {
          setOpened(false);
          // Once the dialog has closed, and afresh: the browser gave focus back to the field while
          // the modal still blocked it, and such a field showed focus but took no typing (a filter
          // the agent returned to from Ctrl+K with Esc ignored every key until clicked).
          const back = returnTo.current;
          requestAnimationFrame(() => {
            back?.blur();
            back?.focus();
          });
        }}
        onOpen={(type, guide) => {
          setOpened(false);
          onOpen(type, guide);
        }}
      />
    </>
  );
}

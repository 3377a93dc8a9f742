import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Nanum ships with the Debian image and the agents' PCs; Noto Sans KR and Malgun Gothic cover the
// rest, so Hangul never falls back to a font without Korean glyphs.
const koreanFontStack =
  '"Noto Sans KR", "NanumBarunGothic", "NanumGothic", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif';

/** The Mantine theme: Korean font stack, high-contrast primary colour, always-visible keyboard focus. */
export const theme = createTheme({
  fontFamily: koreanFontStack,
  headings: { fontFamily: koreanFontStack, fontWeight: '700' },
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  focusRing: 'auto',
  // Text on a filled colour is black or white, whichever reaches 4.5:1 (WCAG AA): at a luminance
  // of 0.18 both reach it equally, so the switch there keeps every colour's label readable
  // (white on teal or orange at shade 8 did not).
  autoContrast: true,
  luminanceThreshold: 0.18,
  // Mantine renders a drawer's or modal's title row as <header>, which assistive technology (and
  // axe) take for a second page banner beside the app shell's while the dialog is open. A div
  // keeps the same layout; the dialog is named by its title already.
  components: {
    DrawerHeader: { defaultProps: { component: 'div' } },
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});

/**
 * Text colours that read at least 4.5:1 (WCAG AA) where Mantine's defaults do not: dimmed text
 * (gray 6: 3.3:1), error messages (red 6: 3.3:1), red text, teal outlines, placeholders, and the light badges
 * (teal 9 on teal 1: 4.3:1; yellow 9 on yellow 1: 2.7:1; green 9 on green 1: 3.8:1, the funnel's 'won'),
 * and the light indigo buttons (e.g. 공개 / 담당하기), whose label fell to 4.3:1 on their hover background.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    '--mantine-color-teal-outline': '#066649',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-color-yellow-light-color': '#7a4300',
    '--mantine-color-orange-light-color': '#a13e0b',
    '--mantine-color-green-light-color': '#1e6b2f',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
  },
  dark: {},
});

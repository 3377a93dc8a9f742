import { createTheme } from '@mantine/core';

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
});

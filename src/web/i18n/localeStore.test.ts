import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('localeStore', () => {
  // The module's first evaluation is under test: unit files share their workers' modules, and
  // another file may have loaded it already.
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('names the tab and marks <html lang> in the UI language, from the first paint on', async () => {
    const page = { documentElement: { lang: '' }, title: 'index.html' };
    vi.stubGlobal('document', page);
    vi.stubGlobal('navigator', { languages: ['en-US'], language: 'en-US' });
    const { localeStore } = await import('./localeStore.ts');
    expect(page).toEqual({ documentElement: { lang: 'en' }, title: 'ieum · Contact console' });
    localeStore.set('ko');
    expect(page).toEqual({ documentElement: { lang: 'ko' }, title: '이음 · 상담 콘솔' });
  });
});

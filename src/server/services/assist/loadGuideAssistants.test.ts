import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchIndex } from '../../../domain/search/searchIndex.ts';
import { suggestInquiryTypes } from '../../../domain/suggest/suggestInquiryTypes.ts';
import { createLogger } from '../../createLogger.ts';
import { loadGuideCatalog } from '../guides/loadGuideCatalog.ts';
import { guideAssistant } from './guideAssistant.ts';
import { ASSISTANT_CACHE_DIR, loadGuideAssistants } from './loadGuideAssistants.ts';

const GUIDE = 'business-inquiry';
const logger = createLogger('silent');

describe('loadGuideAssistants', () => {
  let guidesDir: string;
  let dataDir: string;
  beforeEach(() => {
    guidesDir = mkdtempSync(path.join(tmpdir(), 'ieum-guides-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-data-'));
    for (const name of [`${GUIDE}.json`, `${GUIDE}.examples.json`]) {
      cpSync(path.join('content/guides', name), path.join(guidesDir, name));
    }
  });
  afterEach(() => {
    rmSync(guidesDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  const cached = () =>
    readdirSync(path.join(dataDir, ASSISTANT_CACHE_DIR)).filter((name) => name.startsWith(GUIDE));

  it('keeps what it built for the next start, which answers searches and suggestions the same', async () => {
    const first = await loadGuideCatalog(guidesDir);
    expect(await loadGuideAssistants(first, dataDir, logger)).toEqual({ built: [GUIDE], loaded: [] });
    expect(cached()).toHaveLength(1);

    // The next start: the same files, new objects.
    const next = await loadGuideCatalog(guidesDir);
    expect(await loadGuideAssistants(next, dataDir, logger)).toEqual({ built: [], loaded: [GUIDE] });
    const before = guideAssistant(first, first.defaultGuide());
    const after = guideAssistant(next, next.defaultGuide());
    for (const query of ['ㄱㅌㅇㅂㄱ', '미수금', '세금 계산서', 'rmfjs']) {
      expect(searchIndex(after.index, query, { limit: 5 })).toEqual(
        searchIndex(before.index, query, { limit: 5 }),
      );
    }
    const said = '법인카드 결제가 안 돼요';
    if (!after.model || !before.model) throw new Error('the guide has examples: a model is expected');
    expect(suggestInquiryTypes(after.model, said)).toEqual(suggestInquiryTypes(before.model, said));
  });

  it('builds again when the guide or its examples change, and drops what it kept before', async () => {
    await loadGuideAssistants(await loadGuideCatalog(guidesDir), dataDir, logger);
    const [old] = cached();

    const guideFile = path.join(guidesDir, `${GUIDE}.json`);
    writeFileSync(guideFile, readFileSync(guideFile, 'utf8').replace('"미수금 문의"', '"미수금(외상) 문의"'));
    const changed = await loadGuideCatalog(guidesDir);
    expect(await loadGuideAssistants(changed, dataDir, logger)).toEqual({ built: [GUIDE], loaded: [] });
    expect(cached()).toHaveLength(1);
    expect(cached()).not.toContain(old);
    // The new wording is what search finds.
    const hits = searchIndex(guideAssistant(changed, changed.defaultGuide()).index, '외상', { limit: 3 });
    expect(hits.map((hit) => hit.doc.title).join(' ')).toContain('미수금(외상) 문의');

    const examplesFile = path.join(guidesDir, `${GUIDE}.examples.json`);
    const examples = JSON.parse(readFileSync(examplesFile, 'utf8'));
    examples.examples.push({ inquiryType: 2, text: '외상값이 남았다고 문자가 왔어요' });
    writeFileSync(examplesFile, JSON.stringify(examples));
    const retrained = await loadGuideCatalog(guidesDir);
    expect(await loadGuideAssistants(retrained, dataDir, logger)).toEqual({ built: [GUIDE], loaded: [] });
    expect(await loadGuideAssistants(await loadGuideCatalog(guidesDir), dataDir, logger)).toEqual({
      built: [],
      loaded: [GUIDE],
    });
  });

  it('builds again over a damaged file, and still serves when the directory cannot be written', async () => {
    await loadGuideAssistants(await loadGuideCatalog(guidesDir), dataDir, logger);
    const [kept = ''] = cached();
    writeFileSync(path.join(dataDir, ASSISTANT_CACHE_DIR, kept), 'not a serialised index');
    const again = await loadGuideCatalog(guidesDir);
    expect(await loadGuideAssistants(again, dataDir, logger)).toEqual({ built: [GUIDE], loaded: [] });

    // A data directory path that is a file: nothing can be kept, the structures are still built.
    const notADirectory = path.join(dataDir, 'plain-file');
    writeFileSync(notADirectory, '');
    const catalog = await loadGuideCatalog(guidesDir);
    expect(await loadGuideAssistants(catalog, notADirectory, logger)).toEqual({ built: [GUIDE], loaded: [] });
    expect(
      searchIndex(guideAssistant(catalog, catalog.defaultGuide()).index, '미수금').length,
    ).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveFloorSchema } from '../../src/contract/reports/liveFloorSchema.ts';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { liveFloorFigures } from '../../src/domain/floor/liveFloorFigures.ts';
import { callbackOutcomeLabels, leadStatusLabels } from '../../src/domain/lead/leadStatuses.ts';
import { backlogAgeBucketLabels } from '../../src/domain/report/backlogAgeBoundaries.ts';
import { listReportBuckets } from '../../src/domain/report/reportBuckets.ts';
import { reportFigureDefinitions } from '../../src/domain/report/reportFigureDefinitions.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const HANGUL = /[가-힣]/;
const RANGE = 'from=2026-11-23&to=2026-11-29';

/**
 * The reports speak the caller's language: figure names and formulas (definition), the breakdowns'
 * labels (leads by status, callback outcomes, backlog age) and the series points' labels follow
 * Accept-Language, as every other answer's words do; the ids, keys and values are the same in both,
 * and Korean is the default.
 */
describe.each(testBackends())('report labels in the caller’s language on $name', (backend) => {
  let t: TestApp;
  let supervisor: { headers: { authorization: string } };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    supervisor = await t.userWithToken('supervisor');
    t.setNow('2026-11-30T10:00:00+09:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function get(url: string, language?: string) {
    const response = await t.app.inject({
      url,
      headers: { ...supervisor.headers, ...(language ? { 'accept-language': language } : {}) },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  }

  it('words the summary’s names and labels in English under Accept-Language: en, and in Korean by default', async () => {
    for (const groupBy of ['day', 'week', 'hour']) {
      const english = await get(`/api/v1/reports/summary?${RANGE}&groupBy=${groupBy}`, 'en-US,en;q=0.9');
      expect(english.headers['content-language']).toBe('en');
      const en = reportSummarySchema.parse(english.json());
      const ko = reportSummarySchema.parse(
        (await get(`/api/v1/reports/summary?${RANGE}&groupBy=${groupBy}`)).json(),
      );
      const labels = [
        ...en.figures.map((figure) => figure.label),
        ...en.series.flatMap((series) => series.points.map((point) => point.label)),
        ...en.leadsByStatus.map((entry) => entry.label),
        ...en.callbackOutcomes.map((entry) => entry.label),
        ...en.transferBacklogByAge.map((entry) => entry.label),
      ];
      for (const label of labels) expect(label).not.toMatch(HANGUL);
      // Same figures, keys and values in both languages.
      expect(en.figures.map((figure) => [figure.id, figure.value])).toEqual(
        ko.figures.map((figure) => [figure.id, figure.value]),
      );
      expect(en.series.map((series) => series.points.map((point) => point.key))).toEqual(
        ko.series.map((series) => series.points.map((point) => point.key)),
      );
      // Korean by default: the published names, as before.
      for (const figure of ko.figures) expect(figure.label).toBe(reportFigureDefinitions[figure.id].label);
      expect(ko.series[0]?.points.map((point) => point.label)).toEqual(
        listReportBuckets('2026-11-23', '2026-11-29', en.groupBy).map((bucket) => bucket.label),
      );
      expect(ko.leadsByStatus.map((entry) => entry.label)).toEqual(
        ko.leadsByStatus.map((entry) => leadStatusLabels[entry.status]),
      );
      expect(ko.callbackOutcomes.map((entry) => entry.label)).toEqual(
        ko.callbackOutcomes.map(
          (entry) => callbackOutcomeLabels[entry.outcome as keyof typeof callbackOutcomeLabels],
        ),
      );
      expect(ko.transferBacklogByAge.map((entry) => entry.label)).toEqual(
        Object.values(backlogAgeBucketLabels),
      );
    }
    const en = reportSummarySchema.parse((await get(`/api/v1/reports/summary?${RANGE}`, 'en')).json());
    expect(en.figures.find((figure) => figure.id === 'consultations.completed')?.label).toBe(
      'Consultations completed',
    );
    expect(en.figures.find((figure) => figure.id === 'handleTime.median')?.label).toBe('Median handle time');
    expect(en.leadsByStatus.find((entry) => entry.status === 'won')?.label).toMatch(/\w/);
    expect(en.transferBacklogByAge.map((entry) => entry.label)).toEqual([
      'Under 4 hours',
      '4 hours – 1 business day',
      '1–3 business days',
      '3 business days or more',
    ]);
    expect(en.series[0]?.points[0]?.label).toBe('Mon, Nov 23');
    const week = reportSummarySchema.parse(
      (await get(`/api/v1/reports/summary?${RANGE}&groupBy=week`, 'en')).json(),
    );
    expect(week.series[0]?.points[0]?.label).toBe('Week of Nov 23');
    const hour = reportSummarySchema.parse(
      (await get(`/api/v1/reports/summary?${RANGE}&groupBy=hour`, 'en')).json(),
    );
    expect(hour.series[0]?.points[14]?.label).toBe('Nov 23, 14:00');
  });

  it('labels a week the range cuts with the days it counts, in both languages', async () => {
    const url = '/api/v1/reports/summary?from=2026-11-24&to=2026-12-01&groupBy=week';
    const labelsOf = (response: Awaited<ReturnType<typeof get>>) =>
      reportSummarySchema.parse(response.json()).series[0]?.points.map((point) => point.label);
    // Tuesday 11-24 to Tuesday 12-01: neither week is whole.
    expect(labelsOf(await get(url))).toEqual([
      '11월 23일 주 (11월 24일–11월 29일)',
      '11월 30일 주 (11월 30일–12월 1일)',
    ]);
    expect(labelsOf(await get(url, 'en'))).toEqual([
      'Week of Nov 23 (Nov 24–Nov 29)',
      'Week of Nov 30 (Nov 30–Dec 1)',
    ]);
    expect(labelsOf(await get('/api/v1/reports/summary?from=2026-11-24&to=2026-11-24&groupBy=week'))).toEqual(
      ['11월 23일 주 (11월 24일만)'],
    );
    expect(labelsOf(await get(url))).toEqual(
      listReportBuckets('2026-11-24', '2026-12-01', 'week').map((bucket) => bucket.label),
    );
  });

  it('words every figure’s formula (definition) in English under Accept-Language: en, and the published Korean by default', async () => {
    const en = reportSummarySchema.parse((await get(`/api/v1/reports/summary?${RANGE}`, 'en')).json());
    const ko = reportSummarySchema.parse((await get(`/api/v1/reports/summary?${RANGE}`)).json());
    expect(en.figures.map((figure) => figure.id)).toEqual(Object.keys(reportFigureDefinitions));
    for (const figure of en.figures) {
      expect(figure.definition, figure.id).not.toMatch(HANGUL);
      expect(figure.definition, figure.id).not.toBe('');
    }
    expect(en.figures.find((figure) => figure.id === 'consultations.started')?.definition).toBe(
      'Number of consultations started in the range (Seoul time; excluding those the KakaoTalk chatbot handled on its own), whatever their status',
    );
    expect(en.figures.find((figure) => figure.id === 'transfer.rate')?.definition).toMatch(
      /^Completed consultations that filed a transfer or a sign-up lead ÷ completed consultations/,
    );
    // Korean by default: the published formulas, word for word.
    for (const figure of ko.figures) {
      expect(figure.definition, figure.id).toBe(reportFigureDefinitions[figure.id].definition);
    }
  });

  it('words the live floor’s figure names, formulas and age buckets in English too', async () => {
    const en = liveFloorSchema.parse((await get('/api/v1/reports/floor', 'en')).json());
    for (const figure of en.figures) expect(figure.label).not.toMatch(HANGUL);
    for (const bucket of en.ageBuckets) expect(bucket.label).not.toMatch(HANGUL);
    expect(en.figures.find((figure) => figure.id === 'floor.agentsOnCall')?.label).toBe('Agents on a call');
    const ko = liveFloorSchema.parse((await get('/api/v1/reports/floor')).json());
    expect(ko.figures.find((figure) => figure.id === 'floor.agentsOnCall')?.label).toBe('상담 중인 상담사');
    expect(ko.ageBuckets.map((bucket) => bucket.label)).toEqual(Object.values(backlogAgeBucketLabels));
    // The formulas too: English under Accept-Language: en, the published Korean by default.
    for (const figure of en.figures) expect(figure.definition, figure.id).not.toMatch(HANGUL);
    expect(en.figures.find((figure) => figure.id === 'floor.oldestWaitingMinutes')?.definition).toBe(
      'The business time (in minutes) the earliest-filed waiting transfer has waited since it was filed. A transfer filed on Friday at 17:50 has waited 10 minutes on Monday at 09:00.',
    );
    for (const figure of ko.figures) {
      expect(figure.definition, figure.id).toBe(liveFloorFigures[figure.id].definition);
    }
  });
});

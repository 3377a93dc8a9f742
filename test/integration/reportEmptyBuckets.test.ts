import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSummarySchema } from '../../src/contract/reports/reportSummarySchema.ts';
import { emptyReportFigures } from '../../src/domain/report/computeReportFigures.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { declinedSignUpBody } from '../helpers/declinedSignUpBody.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

// Monday 2026-12-07 has the only consultation; the weekend before it and the hours of the night
// have none. A supervisor reading those buckets should read 0 consultations, not "no value".
const WORKDAY = '2026-12-07T10:00:00+09:00';

describe.each(testBackends())('report buckets with no records on $name', (backend) => {
  let t: TestApp;
  let supervisor: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    const agent = await t.userWithToken('agent');
    supervisor = await t.userWithToken('supervisor');
    t.setNow(WORKDAY);
    await recordConsultation(t.app, agent.headers, { channel: 'call', ...declinedSignUpBody });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function summary(query: string) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/summary?${query}`,
      headers: supervisor.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return reportSummarySchema.parse(response.json());
  }

  it.each([
    ['day', 'from=2026-12-05&to=2026-12-08&groupBy=day', '2026-12-05'],
    ['hour', 'from=2026-12-07&to=2026-12-07&groupBy=hour', '2026-12-07T03'],
    ['week', 'from=2026-11-30&to=2026-12-13&groupBy=week', '2026-11-30'],
  ])(
    'by %s, an empty bucket counts 0 and leaves shares and times without a value',
    async (_by, query, emptyKey) => {
      const report = await summary(query);
      const empty = emptyReportFigures();
      const started = report.series.find((series) => series.id === 'consultations.started');
      // The one consultation is counted in its bucket, so the series is not empty as a whole.
      expect(started?.points.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBe(1);
      for (const series of report.series) {
        const point = series.points.find((candidate) => candidate.key === emptyKey);
        expect(point, `${series.id} ${emptyKey}`).toBeDefined();
        // Counts read 0 as the range's totals do; a median, a rate or a share has nothing to divide.
        expect(point?.value, `${series.id} ${emptyKey}`).toBe(empty[series.id]);
        if (series.unit === 'count') expect(point?.value, series.id).toBe(0);
        else expect(point?.value, series.id).toBeNull();
      }
    },
  );
});

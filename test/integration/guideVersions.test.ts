import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guideVersions } from '../../src/server/db/guideSchema.ts';
import { leads } from '../../src/server/db/leadSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { loadGuideCatalog } from '../../src/server/services/guides/loadGuideCatalog.ts';
import { recordGuideVersions } from '../../src/server/services/guides/recordGuideVersions.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { q1TransferFinish } from '../helpers/q1TransferFinish.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { signUpLeadPath } from '../helpers/signUpLeadPath.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const root = path.resolve(import.meta.dirname, '../..');
const shippedGuide = readFileSync(path.join(root, 'content/guides/business-inquiry.json'), 'utf8');
const shippedVersion: string = JSON.parse(shippedGuide).version;
// Sorts after the shipped version, whatever that is: versions loaded at the same instant list by version.
const nextVersionId = `${shippedVersion}.next`;

// Q1, not a registered manager: the inquiry is taken down and the caller agrees to a callback.
const transferBody = q1TransferFinish;
const transferPath = q1TransferFinish.history;

/**
 * A guides directory whose business guide is `edit` of the shipped one (the other files as
 * shipped, its example utterances too unless `withoutExamples`), as an admin would deploy an
 * edited guide and restart.
 */
function editedGuidesDir(
  edit: (text: string) => string,
  options: { withoutExamples?: boolean } = {},
): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-guides-'));
  const shipped = path.join(root, 'content/guides');
  for (const name of readdirSync(shipped)) {
    const skipped =
      name.endsWith('.heldout.json') || (options.withoutExamples === true && name.endsWith('.examples.json'));
    if (name.endsWith('.json') && !skipped) copyFileSync(path.join(shipped, name), path.join(dir, name));
  }
  writeFileSync(path.join(dir, 'business-inquiry.json'), edit(shippedGuide));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// The next version renames Q1's script and a node of its transfer path: the old path no longer
// exists in it.
const nextVersion = editedGuidesDir((text) =>
  text
    .replace(`"version": "${shippedVersion}"`, `"version": "${nextVersionId}"`)
    .replaceAll('"q1"', '"q1-next"')
    .replaceAll('"q1-transfer-inquiry"', '"q1-inquiry-taken"'),
);
// A next version without inquiry type 9 (its example utterances would name it) and with another
// brochure subject: what a consultation saved on the shipped version files must not depend on it.
const narrowedSubject = '[카카오 T 비즈니스] 새 소개서';
const narrowedTransferInquiry = '가입 문의: 소개서 발송, 다음 업무일 OB';
const narrowedVersion = editedGuidesDir(
  (text) => {
    const guide = JSON.parse(text);
    guide.version = nextVersionId;
    guide.inquiryTypes = guide.inquiryTypes.filter((type: { number: number }) => type.number !== 9);
    guide.brochureEmail.subject = narrowedSubject;
    guide.brochureEmail.transferInquiry = narrowedTransferInquiry;
    return JSON.stringify(guide, null, 2);
  },
  { withoutExamples: true },
);
// The same version with a changed line: a file edited without a new version.
const sameVersionEdited = editedGuidesDir((text) => text.replace('문의 내용 청취', '문의 내용 듣기'));

describe.each(testBackends())('a guide edited while calls are in progress, on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** What a restart with the guides in `dir` does: load and validate them, record their versions. */
  async function restartWithGuides(dir: string): Promise<void> {
    t.ctx.guides = await loadGuideCatalog(dir);
    await recordGuideVersions(t.ctx.database, t.ctx.guides, t.ctx.logger, t.ctx.now());
  }

  async function start(): Promise<{ id: string; guideVersion: string }> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: '010-9999-0000' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const finish = (id: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: agent.headers,
      payload: body,
    });

  it('finishes a call started before the restart on the version it started on, and a new call on the new one', async () => {
    const before = await start();
    expect(before.guideVersion).toBe(shippedVersion);
    await restartWithGuides(nextVersion.dir);

    // The agent's console goes on saving the call's draft, on the script of the version it started on.
    const draft = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/consultations/${before.id}/draft`,
      headers: agent.headers,
      payload: {
        revision: 1,
        draft: { scriptId: 'q1', inquiryType: 1, history: transferPath.slice(0, 2) },
      },
    });
    expect(draft.statusCode, draft.body).toBe(200);

    const finished = await finish(before.id, transferBody);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().consultation).toMatchObject({
      guideVersion: shippedVersion,
      outcome: 'transfer',
    });
    expect(finished.json().transfer).toMatchObject({ guideId: 'business-inquiry', inquiryType: 1 });

    // A call started now reads the new version: the old path is not in it.
    const after = await start();
    expect(after.guideVersion).toBe(nextVersionId);
    const refused = await finish(after.id, transferBody);
    expect(refused.statusCode, refused.body).toBe(400);
    const renamed = await finish(after.id, {
      ...transferBody,
      scriptId: 'q1-next',
      history: transferPath.map((step) =>
        step.nodeId === 'q1-transfer-inquiry' ? { ...step, nodeId: 'q1-inquiry-taken' } : step,
      ),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().consultation.guideVersion).toBe(nextVersionId);

    // The console resuming the first call after a reload reads the version it started on.
    const read = (query: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/guides/business-inquiry${query}`, headers: agent.headers });
    expect((await read('')).json().version).toBe(nextVersionId);
    const earlier = await read(`?version=${encodeURIComponent(shippedVersion)}`);
    expect(earlier.statusCode, earlier.body).toBe(200);
    expect(earlier.json().version).toBe(shippedVersion);
    expect(JSON.stringify(earlier.json())).toContain('"q1-transfer-inquiry"');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/guides/business-inquiry?version=1999.01.01-1',
      headers: { ...agent.headers, 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({
      detail: 'Guide business-inquiry has no version 1999.01.01-1 here',
      errors: [{ where: 'querystring/version', message: 'a version this server never loaded' }],
    });

    // The admin's view: both versions, the new one loaded; no call left open on either.
    const another = await start();
    const versions = await t.app.inject({
      method: 'GET',
      url: '/api/v1/guides/business-inquiry/versions',
      headers: agent.headers,
    });
    expect(versions.statusCode, versions.body).toBe(200);
    expect(versions.json().items).toEqual([
      expect.objectContaining({ version: nextVersionId, loaded: true, openConsultations: 1 }),
      expect.objectContaining({ version: shippedVersion, loaded: false, openConsultations: 0 }),
    ]);
    expect(another.guideVersion).toBe(nextVersionId);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/guides/no-such-guide/versions',
      headers: agent.headers,
    });
    expect(missing.statusCode).toBe(404);

    const kept = await t.ctx.database.db
      .select({ version: guideVersions.version })
      .from(guideVersions)
      .where(eq(guideVersions.guideId, 'business-inquiry'));
    expect(kept.map((row) => row.version).sort()).toEqual([shippedVersion, nextVersionId].sort());
  });

  it('saves a call on a version no server kept (begun before versions were) on the loaded guide when its path fits there, else refuses (409)', async () => {
    /** A call whose version no server recorded, as one begun before an upgrade to this code. */
    const unkeptCall = async () => {
      const call = await start();
      await t.ctx.database.db
        .update(consultations)
        .set({ guideVersion: '2020.01.01-1' })
        .where(eq(consultations.id, call.id));
      return call.id;
    };
    await restartWithGuides(path.join(root, 'content/guides'));
    const fits = await finish(await unkeptCall(), transferBody);
    expect(fits.statusCode, fits.body).toBe(200);
    // The record says which version it was saved on.
    expect(fits.json().consultation.guideVersion).toBe(shippedVersion);

    // On the next version Q1 was renamed: the path the agent took is not there.
    await restartWithGuides(nextVersion.dir);
    const refused = await finish(await unkeptCall(), transferBody);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toContain('2020.01.01-1');
  });

  it('files a transfer or a lead for a call saved before the restart on the version it was saved on', async () => {
    await restartWithGuides(path.join(root, 'content/guides'));
    const complete = async (body: object) => {
      const call = await start();
      const saved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${call.id}/complete`,
        headers: agent.headers,
        payload: body,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      return call.id;
    };
    // Type 9 (PC 웹 택시 호출) follows Q1: saved as a transfer outcome, the transfer not filed yet.
    const taxiCall = await complete({ ...transferBody, inquiryType: 9 });
    const signUpCall = await complete({
      ...signUpLeadPath,
      record: { ...transferBody.record, summary: '비즈니스 가입 문의', inquiry: '가입 소개서 요청' },
    });
    const shippedSubject: string = JSON.parse(shippedGuide).brochureEmail.subject;

    await restartWithGuides(narrowedVersion.dir);
    // The console's transfer form previews the type on the call's version, which still has it.
    const preview = (query: string) =>
      t.app.inject({ url: `/api/v1/transfers/preview?${query}`, headers: agent.headers });
    const onCallVersion = await preview(
      `guideId=business-inquiry&inquiryType=9&guideVersion=${encodeURIComponent(shippedVersion)}`,
    );
    expect(onCallVersion.statusCode, onCallVersion.body).toBe(200);
    expect(onCallVersion.json()).toMatchObject({ guideId: 'business-inquiry', inquiryType: 9 });
    const onLoaded = await preview('guideId=business-inquiry&inquiryType=9');
    expect(onLoaded.statusCode, onLoaded.body).toBe(400);
    expect(onLoaded.json().errors[0].where).toBe('querystring/inquiryType');

    const transfer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: { consultationId: taxiCall },
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect(transfer.json()).toMatchObject({ guideId: 'business-inquiry', inquiryType: 9 });

    const lead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: {
        consultationId: signUpCall,
        companyName: '이음상사',
        contactName: '김담당',
        phone: '010-2345-6789',
        email: 'kim@example.com',
      },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const [stored] = await t.ctx.database.db
      .select({ guideVersion: leads.guideVersion })
      .from(leads)
      .where(eq(leads.id, lead.json().id));
    expect(stored?.guideVersion).toBe(shippedVersion);
    const brochure = (await readOutbox(t.ctx)).find((email) => email.toAddress === 'kim@example.com');
    expect(brochure?.subject).toBe(shippedSubject.replace('{{lead.companyName}}', '이음상사'));
    // Its transfer asks the business team for what that version's policy says.
    const leadTransfer = await t.app.inject({
      url: `/api/v1/transfers/${lead.json().transferId}`,
      headers: agent.headers,
    });
    expect(leadTransfer.json().inquiry).toBe(JSON.parse(shippedGuide).brochureEmail.transferInquiry);

    // A sign-up call saved on the loaded version: its brochure and its transfer follow that one.
    const signUpNow = await complete({
      ...signUpLeadPath,
      record: { ...transferBody.record, summary: '비즈니스 가입 문의', inquiry: '가입 소개서 요청' },
    });
    const leadNow = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: agent.headers,
      payload: {
        consultationId: signUpNow,
        companyName: '새상사',
        contactName: '박담당',
        phone: '010-3456-7890',
        email: 'park@example.com',
      },
    });
    expect(leadNow.statusCode, leadNow.body).toBe(201);
    const brochureNow = (await readOutbox(t.ctx)).find((email) => email.toAddress === 'park@example.com');
    expect(brochureNow?.subject).toBe(narrowedSubject);
    const transferNow = await t.app.inject({
      url: `/api/v1/transfers/${leadNow.json().transferId}`,
      headers: agent.headers,
    });
    expect(transferNow.json().inquiry).toBe(narrowedTransferInquiry);

    // A call saved on the loaded version is checked on it: type 9 is not there.
    const onNarrowed = await complete(transferBody);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent.headers,
      payload: { consultationId: onNarrowed, inquiryType: 9 },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors[0].where).toBe('/inquiryType');
  });

  it('logs a guide file changed without a new version, and saves later calls on the changed text', async () => {
    await restartWithGuides(path.join(root, 'content/guides'));
    const call = await start();
    const logged = t.log.length;
    await restartWithGuides(sameVersionEdited.dir);
    expect(t.log.slice(logged).join('\n')).toContain('guide file changed without a new version');
    const finished = await finish(call.id, transferBody);
    expect(finished.statusCode, finished.body).toBe(200);
  });
});

describe.each(testBackends())('a KakaoTalk chat across a guide edit, on $name', (backend) => {
  const TOKEN = 'kakao-skill-test-token-guide-versions';
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    // The bot files as its own account, made once setup is done (an admin exists).
    await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('goes on where the customer was after a restart with a new version, and files on the version it began on', async () => {
    const c = kakaoChat(baseUrl, TOKEN, `guide-versions-${Date.now().toString(36)}`);
    const hello = await c.type('정산 관련 문의');
    const label = t.ctx.guides.get('business-inquiry')?.inquiryTypes[0]?.label;
    // The bot may suggest type 1 (yes), suggest another (no, then the number), or ask for the number.
    const suggestedOther =
      !(label && hello.texts.includes(`"${label}"`)) && hello.texts.includes('로 보입니다. 맞으실까요?');
    if (suggestedOther) await c.press('아니요');
    const onType = label && hello.texts.includes(`"${label}"`) ? await c.press('네') : await c.type('1');
    expect(onType.texts).not.toContain('문의 내용을 입력해 주세요.');
    expect((await c.press('아니요')).texts).toContain('문의 내용을 입력해 주세요.');
    await c.type('12월 정산서가 안 보입니다');

    t.ctx.guides = await loadGuideCatalog(nextVersion.dir);
    await recordGuideVersions(t.ctx.database, t.ctx.guides, t.ctx.logger, t.ctx.now());

    const notice = await c.press('네');
    expect(notice.texts).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
    await c.press('동의');
    const filed = await c.type('010-3456-7890');
    expect(filed.texts).toContain('접수되었습니다');
    const [chat] = await t.ctx.database.db
      .select({ guideVersion: consultations.guideVersion, status: consultations.status })
      .from(consultations)
      .where(eq(consultations.channel, 'chat'));
    expect(chat).toEqual({ guideVersion: shippedVersion, status: 'completed' });
  });
});

afterAll(() => {
  nextVersion.remove();
  narrowedVersion.remove();
  sameVersionEdited.remove();
});

import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentNoticeFor } from '../../src/domain/consent/consentNoticeFor.ts';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import { findFlowNode } from '../../src/domain/flow/findFlowNode.ts';
import { renderTemplate } from '../../src/domain/guide/renderTemplate.ts';
import { resolveGuideVariable } from '../../src/domain/guide/resolveGuideVariable.ts';
import { chatInquiryTypes } from '../../src/domain/kakao/chatInquiryTypes.ts';
import { kakaoConversations } from '../../src/server/db/kakaoSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { kakaoChat } from '../helpers/kakaoChat.ts';
import { listenOnLoopback } from '../helpers/listenOnLoopback.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const TOKEN = 'kakao-skill-paths-token-0123456789';
const OPEN = '2026-11-25T10:00:00+09:00';
const CLOSED = '2026-11-25T20:00:00+09:00';
const values: Record<string, string> = {
  companyName: '이음상사',
  contactName: '김담당',
  phone: '010-2345-6789',
  email: 'owner@example.com',
  inquiry: '정산 내역 확인 요청',
};
const buttonOf = { yes: '네', no: '아니요', agreed: '동의', refused: '동의 안 함' } as const;

describe.each(testBackends())('every chat script path to its end over KakaoTalk on $name', (backend) => {
  let t: TestApp;
  let baseUrl: string;
  let users = 0;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_KAKAO_SKILL_TOKEN: TOKEN });
    baseUrl = await listenOnLoopback(t.app);
    // Set up (a first admin exists): before that the bot files nothing.
    await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('walks each path of each chat script (both business-hours branches) to the end the guide gives', async () => {
    const guide = t.ctx.guides.defaultGuide();
    const render = (line: string) => renderTemplate(line, (name) => resolveGuideVariable(guide, name)).text;
    let walked = 0;
    for (const type of chatInquiryTypes(guide)) {
      // One type per script is enough: types share their script's paths.
      if (chatInquiryTypes(guide).find((other) => other.scriptId === type.scriptId) !== type) continue;
      for (const path of enumerateFlowPaths(guide, type.scriptId)) {
        const closed = path.history.some((entry) => entry.answer === 'closed');
        t.setNow(closed ? CLOSED : OPEN);
        users += 1;
        const chat = kakaoChat(baseUrl, TOKEN, `paths-${backend.name}-${users}`);
        const menu = await chat.type('안녕하세요');
        let turn = menu.texts.includes('로 보입니다. 맞으실까요?') ? await chat.press('아니요') : menu;
        turn = await chat.type(String(type.number));
        for (const entry of path.history) {
          if (entry.answer === 'open' || entry.answer === 'closed') continue;
          if (entry.answer === 'next') {
            const node = findFlowNode(guide, path.state.scriptId, entry.nodeId)?.node;
            if (node?.type === 'collect')
              for (const field of node.fields) turn = await chat.type(values[field.key] ?? '값');
            else turn = await chat.press('다음');
            continue;
          }
          turn = await chat.press(buttonOf[entry.answer]);
        }
        const end = findFlowNode(guide, path.state.scriptId, path.endNodeId)?.node;
        const firstLine = end && 'lines' in end ? end.lines[0] : undefined;
        if (path.outcome === 'transfer') {
          // The callback number, under the consent notice naming that one item, then the transfer is
          // filed — and only then the end's sentences, which promise the call.
          expect(turn.texts).toContain(consentNoticeFor(guide.consentNotice, ['연락처']));
          if (firstLine) expect(turn.texts).not.toContain(render(firstLine));
          await chat.press('동의');
          turn = await chat.type(values.phone ?? '');
          expect(turn.texts).toContain('접수되었습니다');
        }
        if (firstLine) expect(turn.texts, `${type.scriptId} ${path.endNodeId}`).toContain(render(firstLine));
        const [row] = await t.ctx.database.db
          .select()
          .from(kakaoConversations)
          .where(eq(kakaoConversations.outcome, path.outcome))
          .orderBy(desc(kakaoConversations.lastActivityAt));
        expect(row?.status).toBe('resolved');
        const [saved] = await t.ctx.database.db
          .select()
          .from(consultations)
          .where(eq(consultations.id, row?.consultationId ?? ''));
        expect(saved?.status).toBe('completed');
        expect(saved?.channel).toBe('chat');
        walked += 1;
      }
    }
    expect(walked).toBeGreaterThanOrEqual(10);
  });
});

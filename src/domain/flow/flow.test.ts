import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../guide/guideSchema.ts';
import { parseGuide } from '../guide/parseGuide.ts';
import { advanceFlow } from './advanceFlow.ts';
import { describeStep } from './describeStep.ts';
import { enumerateFlowPaths } from './enumerateFlowPaths.ts';
import type { FlowInput, FlowResult, FlowState } from './flowTypes.ts';
import { replayFlow } from './replayFlow.ts';
import { startFlow } from './startFlow.ts';
import { stepBackFlow } from './stepBackFlow.ts';
import { summarizeFlow } from './summarizeFlow.ts';

function loadGuide(): Guide {
  const text = readFileSync(
    new URL('../../../content/guides/business-inquiry.json', import.meta.url),
    'utf8',
  );
  const result = parseGuide(text, 'business-inquiry.json');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.guide;
}

const guide = loadGuide();
const open = { businessHoursOpen: true };
const closed = { businessHoursOpen: false };

function stateOf(result: FlowResult): FlowState {
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
  return result.state;
}

/** Plays a script by the agent's inputs, as the console does. */
function play(scriptId: string, inputs: FlowInput[], context = open): FlowState {
  return inputs.reduce(
    (state, input) => stateOf(advanceFlow(guide, state, input, context)),
    stateOf(startFlow(guide, scriptId)),
  );
}

const supportLineSentence = '비즈니스 전용 상담센터 1644-7391 (평일/09~18)로 문의하여 상담을 부탁드립니다.';
const transferSentence = '문의 내용을 말씀해 주시면 담당부서를 통하여 연락드릴 수 있도록 요청하겠습니다.';
const waitSentence = '담당 부서에서 순차적으로 연락드릴 예정으로 시간이 소요될 수 있으니 양해 부탁드립니다.';
const closingSentence =
  '네, 고객님, 카카오 T 비즈니스 관련하여 문의가 필요한 경우 언제든지 문의해 주시길 바랍니다.';

describe('every path of Q1–Q4', () => {
  it('Q1-Y in business hours: support line with the caveat and the chat link', () => {
    const state = play('q1', ['yes'], open);
    const view = describeStep(guide, state);
    expect(view.outcome).toBe('support-line');
    expect(view.lines).toEqual([
      '확인 감사합니다.',
      '관리책임자(운영담당자)의 경우 유선으로 즉시 상담이 가능합니다.',
      supportLineSentence,
    ]);
    expect(view.supportLineCaveat).toBe(
      '관리시스템에 등록된 연락처가 아닌 경우 유선 상담 번호 이용하여도 연결 불가',
    );
    expect(view.offers.map((offer) => [offer.id, offer.label, offer.url])).toEqual([
      ['chat-link', '필요 시 채팅상담 링크 안내', 'https://pf.kakao.com/_xnbHhK'],
    ]);
    expect(view.offers[0]?.text).toContain(
      '- 채널 바로가기 : https://pf.kakao.com/_xnbHhK\n- 운영시간 : 평일 09:00~18:00',
    );
    expect(view.routing).toEqual({ open: true, method: expect.objectContaining({ id: 'support-line' }) });
    expect(view.pathLabels).toEqual(['Q1', '관리책임자·운영담당자 맞음(Y)', '업무시간']);
    expect(state.history).toEqual([
      { nodeId: 'q1-registered', answer: 'yes' },
      { nodeId: 'q1-hours', answer: 'open' },
    ]);
  });

  it('Q1-Y outside business hours: the console says a transfer is needed and the agent takes the inquiry', () => {
    const atInquiry = play('q1', ['yes'], closed);
    const view = describeStep(guide, atInquiry);
    expect(view.node.id).toBe('q1-transfer-inquiry');
    expect(view.routing?.open).toBe(false);
    expect(view.routing?.method.text).toBe('비즈니스 업무 시간 외 : 아지트 글양식을 통해 이관');
    expect(view.lines).toEqual(['확인 감사합니다.', transferSentence]);
    expect(view.fields).toEqual([{ key: 'inquiry', label: '문의 내용' }]);
    expect(view.supportLineCaveat).toBeNull();
    expect(view.lines.join(' ')).not.toContain('1644-7391');
    expect(view.pathLabels).toEqual(['Q1', '관리책임자·운영담당자 맞음(Y)', '업무시간 외']);

    const end = describeStep(guide, play('q1', ['yes', 'next', 'yes'], closed));
    expect(end.outcome).toBe('transfer');
    expect(end.lines).toEqual([waitSentence]);
  });

  it('Q1-N: transfer sentence, consent to be called on the app number, transfer', () => {
    const consentStep = describeStep(guide, play('q1', ['no', 'next']));
    expect(consentStep.lines).toEqual(['카카오 T 앱 내의 등록된 연락처로 안내 도와드려도 괜찮으실까요?']);
    expect(consentStep.choices.map((choice) => choice.key)).toEqual(['y', 'n']);
    const end = describeStep(guide, play('q1', ['no', 'next', 'yes']));
    expect(end.outcome).toBe('transfer');
    expect(end.offers.map((offer) => offer.id)).toEqual(['chat-link']);
    expect(end.routing).toBeNull();
    expect(describeStep(guide, play('q1', ['no', 'next', 'no'])).outcome).toBe('declined');
  });

  it('Q1: the 모르겠다 policy is shown while the caller explains the inquiry', () => {
    const view = describeStep(guide, play('q1', ['no']));
    expect(view.policies.map((policy) => policy.id)).toEqual(['unsure-answer']);
    expect(view.policies[0]?.items[0]?.text).toBe(
      "'모르겠다' 보다는 '확인 후 연락드릴 수 있도록 하겠습니다'로 응대",
    );
  });

  it('Q2-N: transfer; Q2-Y is handled as Q1-Y', () => {
    const n = describeStep(guide, play('q2', ['no', 'next', 'yes']));
    expect(n.outcome).toBe('transfer');
    expect(n.lines).toEqual([waitSentence]);
    expect(n.offers).toEqual([]);
    const y = describeStep(guide, play('q2', ['yes'], open));
    expect(y.outcome).toBe('support-line');
    expect(y.lines).toEqual(describeStep(guide, play('q1', ['yes'], open)).lines);
    expect(describeStep(guide, play('q2', ['yes'], closed)).lines).toEqual([
      '확인 감사합니다.',
      transferSentence,
    ]);
  });

  it('Q3-Y in and outside business hours; Q3-N sends the caller to the company admin', () => {
    expect(describeStep(guide, play('q3', ['yes'], open)).outcome).toBe('support-line');
    const afterHours = play('q3', ['yes', 'next', 'yes'], closed);
    expect(describeStep(guide, afterHours).outcome).toBe('transfer');
    expect(summarizeFlow(guide, afterHours)).toEqual({
      complete: true,
      outcome: 'transfer',
      businessHours: 'closed',
      consent: null,
      consents: [],
      // The caller agreed to a call at the number the app holds: nothing is collected (QA-9 H1).
      reachVia: 'registered-contact',
    });
    const n = describeStep(guide, play('q3', ['no']));
    expect(n.outcome).toBe('company-admin');
    expect(n.lines).toEqual([
      '확인 감사합니다.',
      '기업 전용 상품 미수금(or 호출번호, 이용료)은 기업 담당자를 통해 확인이 가능합니다.',
      '번거로우시겠지만, 비즈니스 시스템 담당 관리자를 통하여 문의 부탁드립니다.',
    ]);
  });

  it('Q4-Y agreed: consent notice, then the four details, then the thanks sentence', () => {
    const notice = describeStep(guide, play('q4', ['yes']));
    expect(notice.node.type).toBe('consent');
    expect(notice.consentNotice).toEqual({ id: 'business-consultation-consent', version: '1' });
    expect(notice.lines[0]).toBe('문의하신 비즈니스 상담에 도움을 드리기 위하여 개인정보 수집이 필요합니다.');
    expect(notice.lines.at(-1)).toBe('동의하신다면 [업체명/담당자/연락처/이메일주소] 말씀 부탁드립니다.');
    expect(notice.choices.map((choice) => choice.input)).toEqual(['agreed', 'refused']);
    expect(notice.policies.map((policy) => policy.id)).toEqual(['signup-procedure']);

    const details = describeStep(guide, play('q4', ['yes', 'agreed']));
    expect(details.fields.map((field) => field.label)).toEqual(['업체명', '담당자', '연락처', '이메일주소']);
    expect(details.choices).toEqual([{ input: 'next', label: '다음', key: 'Enter' }]);

    const state = play('q4', ['yes', 'agreed', 'next']);
    const end = describeStep(guide, state);
    expect(end.outcome).toBe('lead');
    expect(end.lines).toEqual(['소중한 정보 확인 감사합니다.', waitSentence]);
    expect(end.pathLabels).toEqual(['Q4', '접수 희망(Y)', '개인정보 수집 동의(Y)', '가입 상담 정보 수집']);
    expect(summarizeFlow(guide, state).consent).toEqual({
      noticeId: 'business-consultation-consent',
      noticeVersion: '1',
      agreed: true,
      items: ['업체명', '담당자', '연락처', '이메일주소'],
    });
  });

  it('Q4-Y refused and Q4-N end with the closing sentence', () => {
    const refused = play('q4', ['yes', 'refused']);
    expect(describeStep(guide, refused).lines).toEqual([closingSentence]);
    expect(summarizeFlow(guide, refused)).toMatchObject({ outcome: 'declined', consent: { agreed: false } });
    const n = describeStep(guide, play('q4', ['no']));
    expect(n.outcome).toBe('declined');
    expect(n.lines).toEqual([closingSentence]);
  });

  it('enumerates exactly the expected paths and outcomes', () => {
    const outcomes = (scriptId: string) =>
      enumerateFlowPaths(guide, scriptId).map(
        (path) => `${path.history.map((entry) => entry.answer).join(',')} → ${path.outcome}`,
      );
    expect(outcomes('q1')).toEqual([
      'yes,open → support-line',
      'yes,closed,next,yes → transfer',
      'yes,closed,next,no → declined',
      'no,next,yes → transfer',
      'no,next,no → declined',
    ]);
    expect(outcomes('q2')).toEqual(outcomes('q1'));
    expect(outcomes('q3')).toEqual([
      'yes,open → support-line',
      'yes,closed,next,yes → transfer',
      'yes,closed,next,no → declined',
      'no → company-admin',
    ]);
    expect(outcomes('q4')).toEqual(['yes,agreed,next → lead', 'yes,refused → declined', 'no → declined']);
    expect(enumerateFlowPaths(guide, 'q9')).toEqual([]);
  });

  it('every enumerated path replays and its end has an outcome', () => {
    for (const script of guide.scripts) {
      for (const path of enumerateFlowPaths(guide, script.id)) {
        const replayed = replayFlow(guide, script.id, path.history);
        expect(replayed).toEqual({ ok: true, state: path.state });
        expect(describeStep(guide, path.state).outcome).toBe(path.outcome);
      }
    }
  });
});

describe('step back', () => {
  it('returns to the last interactive node, skipping the automatic business-hours step', () => {
    const atEnd = play('q1', ['yes'], open);
    const back = stateOf(stepBackFlow(guide, atEnd));
    expect(back.currentNodeId).toBe('q1-registered');
    expect(back.history).toEqual([]);
    expect(describeStep(guide, back).canStepBack).toBe(false);
    expect(stepBackFlow(guide, back)).toMatchObject({ ok: false, reason: 'at-start' });
  });

  it('undoes one input at a time and lets the agent take the other branch', () => {
    const atConsent = play('q4', ['yes', 'agreed']);
    const back = stateOf(stepBackFlow(guide, atConsent));
    expect(back.currentNodeId).toBe('q4-consent');
    expect(describeStep(guide, stateOf(advanceFlow(guide, back, 'refused', open))).outcome).toBe('declined');
    // The original state is untouched (immutability).
    expect(atConsent.history).toHaveLength(2);
    expect(atConsent.currentNodeId).toBe('q4-lead-details');
  });
});

describe('invalid input', () => {
  it('is a value naming the step, not an exception', () => {
    const start = stateOf(startFlow(guide, 'q1'));
    const result = advanceFlow(guide, start, 'next', open);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid-input',
      message: '"등록 담당자 확인" 단계에서는 다음을(를) 쓸 수 없습니다 (가능: Y, N)',
    });
    expect(advanceFlow(guide, play('q4', ['yes']), 'yes', open)).toMatchObject({
      ok: false,
      reason: 'invalid-input',
    });
  });

  it('refuses to go past an end, an unknown script and another guide version', () => {
    expect(advanceFlow(guide, play('q4', ['no']), 'yes', open)).toMatchObject({
      ok: false,
      reason: 'flow-ended',
    });
    expect(startFlow(guide, 'q5')).toMatchObject({ ok: false, reason: 'unknown-script' });
    const stale = { ...stateOf(startFlow(guide, 'q1')), guideVersion: '2020.01.01-1' };
    expect(advanceFlow(guide, stale, 'yes', open)).toMatchObject({ ok: false, reason: 'guide-mismatch' });
  });

  it('never throws and never leaves the graph, whatever the agent presses', () => {
    const inputs = fc.constantFrom<FlowInput>('yes', 'no', 'next', 'agreed', 'refused');
    fc.assert(
      fc.property(
        fc.constantFrom('q1', 'q2', 'q3', 'q4'),
        fc.array(fc.tuple(inputs, fc.boolean()), { maxLength: 12 }),
        (scriptId, presses) => {
          let state = stateOf(startFlow(guide, scriptId));
          for (const [input, hoursOpen] of presses) {
            const result = advanceFlow(guide, state, input, { businessHoursOpen: hoursOpen });
            if (result.ok) state = result.state;
            const view = describeStep(guide, state);
            expect(view.node.type).not.toBe('businessHours');
            expect(replayFlow(guide, scriptId, state.history)).toEqual({ ok: true, state });
          }
        },
      ),
    );
  });
});

describe('replayFlow', () => {
  const legal = play('q1', ['yes'], open).history;

  it('accepts a legal history and checks business hours against the server context', () => {
    expect(replayFlow(guide, 'q1', legal).ok).toBe(true);
    expect(replayFlow(guide, 'q1', legal, () => true).ok).toBe(true);
    expect(replayFlow(guide, 'q1', legal, (index) => (index === 1 ? false : undefined))).toMatchObject({
      ok: false,
      reason: 'hours-mismatch',
      index: 1,
    });
  });

  it('rejects a tampered path', () => {
    // Claims the support line was reached without the business-hours check.
    expect(
      replayFlow(guide, 'q1', [
        { nodeId: 'q1-registered', answer: 'yes' },
        { nodeId: 'q1-support-line', answer: 'next' },
      ]),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-node',
      index: 1,
    });
    // An answer the node does not accept.
    expect(replayFlow(guide, 'q1', [{ nodeId: 'q1-registered', answer: 'agreed' }])).toMatchObject({
      ok: false,
      reason: 'invalid-input',
      index: 0,
    });
    // Skips consent to reach the lead.
    expect(
      replayFlow(guide, 'q4', [
        { nodeId: 'q4-signup', answer: 'yes' },
        { nodeId: 'q4-lead-details', answer: 'next' },
      ]),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-node',
      index: 1,
    });
    // Runs past the end.
    expect(
      replayFlow(guide, 'q4', [
        { nodeId: 'q4-signup', answer: 'no' },
        { nodeId: 'q4-closing', answer: 'next' },
      ]),
    ).toMatchObject({
      ok: false,
      reason: 'flow-ended',
      index: 1,
    });
    // Stops right before the automatic step.
    expect(replayFlow(guide, 'q1', [{ nodeId: 'q1-registered', answer: 'yes' }])).toMatchObject({
      ok: false,
      reason: 'incomplete',
      index: 1,
    });
    expect(replayFlow(guide, 'nope', [])).toMatchObject({ ok: false, reason: 'unknown-script' });
  });
});

describe('say nodes', () => {
  it('advance with Enter and show their lines', () => {
    const edited: Guide = structuredClone(guide);
    const q3 = edited.scripts.find((script) => script.id === 'q3');
    if (!q3) throw new Error('q3 missing');
    q3.nodes.push({
      type: 'say',
      id: 'q3-thanks',
      label: '확인 인사',
      lines: ['확인 감사합니다.'],
      next: 'q3-company-admin',
      policyIds: [],
    });
    const ask = q3.nodes.find((node) => node.id === 'q3-registered');
    if (ask?.type !== 'ask') throw new Error('q3-registered missing');
    ask.no = 'q3-thanks';
    const atSay = stateOf(advanceFlow(edited, stateOf(startFlow(edited, 'q3')), 'no', open));
    const view = describeStep(edited, atSay);
    expect(view.lines).toEqual(['확인 감사합니다.']);
    expect(view.choices).toEqual([{ input: 'next', label: '다음', key: 'Enter' }]);
    const end = stateOf(advanceFlow(edited, atSay, 'next', open));
    expect(describeStep(edited, end).pathLabels).toEqual(['Q3', '등록 담당자 아님(N)', '확인 인사']);
  });
});

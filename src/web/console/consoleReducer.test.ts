import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consultationDraftContentSchema } from '../../contract/consultations/consultationDraftContentSchema.ts';
import type { FlowInput } from '../../domain/flow/flowTypes.ts';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';
import { parseGuide } from '../../domain/guide/parseGuide.ts';
import { validateLeadIntake } from '../../domain/lead/validateLeadIntake.ts';
import { toConsoleDraft } from './consoleDraft.ts';
import { type ConsoleAction, consoleReducer, isHoldingKeys } from './consoleReducer.ts';
import { type ConsoleState, initialConsoleState } from './consoleState.ts';
import { createConsoleStore } from './consoleStore.ts';
import { draftRevisionSeen } from './draftRevisionSeen.ts';
import type { QueuedKey } from './keyboardQueue.ts';

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
const typeNumbered = (number: number): InquiryType => {
  const type = guide.inquiryTypes.find((candidate) => candidate.number === number);
  if (!type) throw new Error(`no inquiry type ${number}`);
  return type;
};

const run = (actions: ConsoleAction[], from: ConsoleState = initialConsoleState()): ConsoleState =>
  actions.reduce(consoleReducer, from);
const started: ConsoleAction = {
  type: 'start',
  callKey: 'call-1',
  channel: 'call',
  callerNumber: '010-2222-3333',
  guideId: guide.id,
};
const pickType = (number: number): ConsoleAction => ({
  type: 'pick',
  guide,
  inquiryType: typeNumbered(number),
});
const choose = (input: FlowInput, businessHoursOpen = true): ConsoleAction => ({
  type: 'choose',
  input,
  businessHoursOpen,
  checkLeadIntake: validateLeadIntake,
});
const nodeOf = (state: ConsoleState): string | null =>
  state.phase.kind === 'flow' || state.phase.kind === 'record'
    ? state.phase.progress.flow.currentNodeId
    : null;
const key = (name: string, code = ''): QueuedKey => ({
  key: name,
  code,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
});

describe('console phases and flow steps', () => {
  it('goes start → pick → flow → record, counting a step at each change', () => {
    const picking = run([started]);
    expect(picking.phase.kind).toBe('pick');
    expect(picking.lastChannel).toBe('call');
    const flowing = consoleReducer(picking, pickType(1));
    expect(flowing.phase.kind).toBe('flow');
    expect(nodeOf(flowing)).toBe('q1-registered');
    // Q1 Y during business hours: the automatic hours node is passed, the script ends at the support line.
    const ended = consoleReducer(flowing, choose('yes', true));
    expect(ended.phase.kind).toBe('record');
    expect(nodeOf(ended)).toBe('q1-support-line');
    expect(ended.step).toBe(3);
    if (ended.phase.kind !== 'record') throw new Error('expected the record phase');
    expect(ended.phase.progress.flow.history).toEqual([
      { nodeId: 'q1-registered', answer: 'yes' },
      { nodeId: 'q1-hours', answer: 'open' },
    ]);
    // Nothing to file at the support line, so the transfer starts off, and the record keeps no
    // number: nobody calls this caller back (the call itself holds the number).
    expect(ended.phase.transfer).toEqual({ file: false, email: '' });
    expect(ended.phase.record.fields.phone).toBe('');
    // Turned on by hand, the transfer needs a way back to the caller: the phone system's number.
    const filing = consoleReducer(ended, { type: 'transferChoice', choice: { file: true, email: '' } });
    if (filing.phase.kind !== 'record') throw new Error('expected the record phase');
    expect(filing.phase.record.fields.phone).toBe('010-2222-3333');
  });

  it('outside business hours the same answer goes to the transfer, which starts on', () => {
    const state = run([
      started,
      pickType(1),
      choose('yes', false),
      { type: 'collect', key: 'inquiry', value: '정산 내역 확인 요청' },
      choose('next', false),
      choose('yes', false),
    ]);
    expect(nodeOf(state)).toBe('q1-transfer');
    if (state.phase.kind !== 'record') throw new Error('expected the record phase');
    expect(state.phase.transfer.file).toBe(true);
    expect(state.phase.record.fields.inquiry).toBe('정산 내역 확인 요청');
    // Titled by what was asked, as the guide's "[비즈니스] 문의 내용 요약" says.
    expect(state.phase.record.fields.summary).toBe('정산 내역 확인 요청');
  });

  it('steps back from the record to the step before, and re-picks from any step', () => {
    const ended = run([started, pickType(1), choose('yes')]);
    const back = consoleReducer(ended, { type: 'stepBack' });
    expect(back.phase.kind).toBe('flow');
    expect(nodeOf(back)).toBe('q1-registered');
    // At the first step there is nothing to undo: the state is unchanged.
    expect(consoleReducer(back, { type: 'stepBack' })).toBe(back);
    const repicked = consoleReducer(back, { type: 'repick' });
    expect(repicked.phase.kind).toBe('pick');
  });

  it('refuses an input the step does not take, with a message, and stays', () => {
    const flowing = run([started, pickType(1)]);
    const refused = consoleReducer(flowing, choose('next'));
    expect(nodeOf(refused)).toBe('q1-registered');
    expect(refused.step).toBe(flowing.step);
    expect(refused.flowError).toContain('쓸 수 없습니다');
    expect(consoleReducer(refused, { type: 'dismissFlowError' }).flowError).toBeNull();
  });

  it('keeps the sign-up intake until its values are valid, counting the attempts', () => {
    const atIntake = run([started, pickType(6), choose('yes'), choose('agreed')]);
    expect(nodeOf(atIntake)).toBe('q4-lead-details');
    const tried = consoleReducer(atIntake, choose('next'));
    expect(nodeOf(tried)).toBe('q4-lead-details');
    if (tried.phase.kind !== 'flow') throw new Error('expected the flow phase');
    expect(tried.phase.progress.intakeAttempts).toBe(1);
    const filled = run(
      [
        { type: 'collect', key: 'companyName', value: '이음상사' },
        { type: 'collect', key: 'contactName', value: '김민지' },
        { type: 'collect', key: 'phone', value: '010-1234-5678' },
        { type: 'collect', key: 'email', value: 'minji@example.com' },
        { type: 'businessNumber', value: '123-45-67890' },
        choose('next'),
      ],
      tried,
    );
    // 123-45-67890 fails its check digit: the optional number must be valid too when given.
    expect(nodeOf(filled)).toBe('q4-lead-details');
    const fixed = run([{ type: 'businessNumber', value: '' }, choose('next')], filled);
    expect(nodeOf(fixed)).toBe('q4-lead');
    if (fixed.phase.kind !== 'record') throw new Error('expected the record phase');
    expect(fixed.phase.record.fields).toMatchObject({
      companyName: '이음상사',
      contactName: '김민지',
      phone: '010-1234-5678',
    });
    expect(fixed.phase.transfer.email).toBe('minji@example.com');
  });

  it('holds the record as typed, title and body following the fields until edited', () => {
    const ended = run([started, pickType(9), choose('yes')]);
    if (ended.phase.kind !== 'record') throw new Error('expected the record phase');
    const typed = run(
      [
        { type: 'recordFields', fields: { ...ended.phase.record.fields, summary: '택시 호출 설정' } },
        { type: 'recordBody', body: '직접 쓴 상담내용' },
        { type: 'transferChoice', choice: { file: true, email: 'a@example.com' } },
      ],
      ended,
    );
    if (typed.phase.kind !== 'record') throw new Error('expected the record phase');
    expect(typed.phase.record).toEqual({
      // The transfer turned on brought the phone system's number into the empty 연락처.
      fields: { ...ended.phase.record.fields, summary: '택시 호출 설정', phone: '010-2222-3333' },
      titleOverride: null,
      bodyOverride: '직접 쓴 상담내용',
    });
    expect(typed.phase.transfer).toEqual({ file: true, email: 'a@example.com' });
    expect(typed.draftRevision).toBeGreaterThan(ended.draftRevision);
  });

  it("keeps a hand-edited 상담내용 and its 'ㄴ label :' lines following the fields corrected after it", () => {
    const ended = run([started, pickType(9), choose('yes')]);
    if (ended.phase.kind !== 'record') throw new Error('expected the record phase');
    const fields = { ...ended.phase.record.fields, contactName: '홍길동', inquiry: '카드 문의' };
    const withFields = consoleReducer(ended, { type: 'recordFields', fields });
    const note = 'ㄴ 담당자 이름 : 홍길동\nㄴ 문의 내용 : 카드 문의\n오후 통화 희망';
    const edited = consoleReducer(withFields, { type: 'recordBody', body: note });
    const corrected = consoleReducer(edited, {
      type: 'recordFields',
      fields: { ...fields, contactName: '홍길순' },
    });
    expect(corrected.phase.kind === 'record' && corrected.phase.record.bodyOverride).toBe(
      'ㄴ 담당자 이름 : 홍길순\nㄴ 문의 내용 : 카드 문의\n오후 통화 희망',
    );
  });

  it('another type (Esc) keeps what the agent typed: the next script starts from it, unless the picker gives new words', () => {
    const typed = run([
      started,
      pickType(1),
      choose('no'),
      { type: 'collect', key: 'inquiry', value: '중요한 정산 문의' },
      { type: 'repick' },
    ]);
    expect(typed.phase).toMatchObject({ kind: 'pick', carried: { inquiry: '중요한 정산 문의' } });
    const next = consoleReducer(typed, pickType(4));
    expect(next.phase.kind === 'flow' && next.phase.progress.collected).toEqual({
      inquiry: '중요한 정산 문의',
    });
    const reworded = consoleReducer(typed, {
      type: 'pick',
      guide,
      inquiryType: typeNumbered(4),
      collected: { inquiry: '자료 요청' },
    });
    expect(reworded.phase.kind === 'flow' && reworded.phase.progress.collected).toEqual({
      inquiry: '자료 요청',
    });

    // From the record: the fields as edited there; the caller number the phone system gave is not "typed".
    const atRecord = run([started, pickType(1), choose('yes', true)]);
    if (atRecord.phase.kind !== 'record') throw new Error('expected the record phase');
    const edited = consoleReducer(atRecord, {
      type: 'recordFields',
      fields: { ...atRecord.phase.record.fields, companyName: '이음상사', inquiry: '한도 변경' },
    });
    const left = consoleReducer(edited, { type: 'repick' });
    expect(left.phase).toMatchObject({
      kind: 'pick',
      carried: { companyName: '이음상사', inquiry: '한도 변경' },
    });
    expect(left.phase.kind === 'pick' && left.phase.carried?.phone).toBeUndefined();
    // Switching type from search mid-script (no pick screen between) carries it too.
    const switched = consoleReducer(edited, pickType(4));
    expect(switched.phase.kind === 'flow' && switched.phase.progress.collected).toEqual({
      companyName: '이음상사',
      inquiry: '한도 변경',
    });
  });

  it('refuses a type whose script is not read on the call’s channel (a chat-only script on a call)', () => {
    const q2 = guide.scripts.find((script) => script.id === typeNumbered(8).scriptId);
    if (!q2) throw new Error('no script for type 8');
    // The same guide with that script on chat only, as a second guide might declare it.
    const chatOnly: Guide = {
      ...guide,
      scripts: guide.scripts.map((script) => (script === q2 ? { ...script, channels: ['chat'] } : script)),
    };
    const onCall = consoleReducer(run([started]), {
      type: 'pick',
      guide: chatOnly,
      inquiryType: typeNumbered(8),
    });
    expect(onCall.phase.kind).toBe('pick');
    expect(onCall.flowError).toBe(`${typeNumbered(8).label}: 채팅 상담에서만 쓰는 스크립트입니다.`);
    const onChat = consoleReducer(run([{ ...started, channel: 'chat' }]), {
      type: 'pick',
      guide: chatOnly,
      inquiryType: typeNumbered(8),
    });
    expect(onChat.phase.kind).toBe('flow');
    expect(onChat.flowError).toBeNull();
  });

  it('ignores the answer for an earlier call, and a failed start returns to the start panel', () => {
    const picking = run([started]);
    expect(
      consoleReducer(picking, {
        type: 'consultationCreated',
        callKey: 'call-0',
        consultationId: 'x',
        callerContact: null,
      }),
    ).toBe(picking);
    const created = consoleReducer(picking, {
      type: 'consultationCreated',
      callKey: 'call-1',
      consultationId: 'c-1',
      callerContact: null,
    });
    expect(created.phase.kind === 'pick' && created.phase.call.consultationId).toBe('c-1');
    const failed = consoleReducer(picking, { type: 'startFailed', callKey: 'call-1', message: '서버 오류' });
    expect(failed.phase.kind).toBe('start');
    expect(failed.startError).toBe('서버 오류');
  });

  it("drafts the record's 기업명 from the caller the directory knows (QA-9 M1)", () => {
    const state = run([
      started,
      {
        type: 'consultationCreated',
        callKey: 'call-1',
        consultationId: 'c-1',
        callerContact: { companyName: '(주)누리테크', contactName: '김*수' },
      },
      pickType(1),
      choose('yes'),
    ]);
    if (state.phase.kind !== 'record') throw new Error('expected the record phase');
    // The name stays the agent's to confirm: the directory's is masked (the form hints it).
    expect(state.phase.record.fields).toMatchObject({ companyName: '(주)누리테크', contactName: '' });
  });

  it('a save returns to the start panel with the confirmation, and the next call starts clean', () => {
    const ended = run([started, pickType(1), choose('yes')]);
    const finished = consoleReducer(ended, {
      type: 'finished',
      saved: { title: '[비즈니스] 관리자', outcome: '상담센터 안내' },
    });
    expect(finished.phase.kind).toBe('start');
    expect(finished.saved?.outcome).toBe('상담센터 안내');
    expect(finished.savedDraftRevision).toBe(finished.draftRevision);
    const next = consoleReducer(finished, {
      ...started,
      callKey: 'call-2',
      channel: 'chat',
      callerNumber: '',
    });
    expect(next.saved).toBeNull();
    expect(next.lastChannel).toBe('chat');
  });
});

describe('draft and resume', () => {
  const call = {
    callKey: 'c-7',
    channel: 'chat' as const,
    callerNumber: '',
    callerContact: null,
    consultationId: 'c-7',
    guideId: guide.id,
  };
  // A draft goes over the wire as JSON and is read back through the contract schema.
  const overTheWire = (state: ConsoleState) => {
    const draft = toConsoleDraft(state);
    return draft === null ? null : consultationDraftContentSchema.parse(JSON.parse(JSON.stringify(draft)));
  };
  const resumeAction = (state: ConsoleState, revision = 3): ConsoleAction => ({
    type: 'resume',
    call,
    guide,
    draft: overTheWire(state),
    revision,
  });

  it('resumes at the same step with the same typed text', () => {
    const midway = run([
      started,
      pickType(1),
      choose('no'),
      { type: 'collect', key: 'inquiry', value: '세금계산서 재발행 요청' },
    ]);
    expect(toConsoleDraft(midway)).toMatchObject({ scriptId: 'q1', inquiryType: 1 });
    const resumed = consoleReducer(initialConsoleState(), resumeAction(midway, 12));
    expect(resumed.phase.kind).toBe('flow');
    expect(nodeOf(resumed)).toBe('q1-transfer-inquiry');
    if (resumed.phase.kind !== 'flow') throw new Error('expected the flow phase');
    expect(resumed.phase.progress.collected.inquiry).toBe('세금계산서 재발행 요청');
    expect(resumed.phase.call).toEqual(call);
    expect(resumed.lastChannel).toBe('chat');
    // Restored from the server, so nothing is waiting to be saved, and the next change is newer.
    expect(resumed.savedDraftRevision).toBe(12);
    expect(resumed.draftRevision).toBe(12);
    const typed = consoleReducer(resumed, { type: 'collect', key: 'inquiry', value: '세금계산서 재발행' });
    expect(typed.draftRevision).toBe(13);
    // It goes on from there like the original.
    const ended = run([choose('next'), choose('yes')], resumed);
    expect(nodeOf(ended)).toBe('q1-transfer');
  });

  it('restores the record being written, hand edits and transfer choice included', () => {
    const ended = run([started, pickType(9), choose('no'), choose('next'), choose('yes')]);
    if (ended.phase.kind !== 'record') throw new Error('expected the record phase');
    const typed = run(
      [
        { type: 'recordFields', fields: { ...ended.phase.record.fields, summary: '택시 호출 설정' } },
        { type: 'recordTitle', title: '[비즈니스] 직접 쓴 제목' },
        { type: 'transferChoice', choice: { file: false, email: '' } },
      ],
      ended,
    );
    const resumed = consoleReducer(initialConsoleState(), resumeAction(typed));
    if (resumed.phase.kind !== 'record') throw new Error('expected the record phase');
    expect(resumed.phase.record.fields.summary).toBe('택시 호출 설정');
    expect(resumed.phase.record.titleOverride).toBe('[비즈니스] 직접 쓴 제목');
    expect(resumed.phase.record.bodyOverride).toBeNull();
    expect(resumed.phase.transfer.file).toBe(false);
  });

  it('a call without a type resumes at the picker; an illegal path resumes there with a message', () => {
    const picking = run([started]);
    expect(toConsoleDraft(picking)?.inquiryType).toBeNull();
    expect(consoleReducer(initialConsoleState(), resumeAction(picking)).phase.kind).toBe('pick');

    const draft = overTheWire(run([started, pickType(1), choose('no')]));
    if (!draft) throw new Error('expected a draft');
    const broken = { ...draft, history: [{ nodeId: 'q1-registered', answer: 'agreed' as const }] };
    const refused = consoleReducer(initialConsoleState(), {
      type: 'resume',
      call,
      guide,
      draft: broken,
      revision: 1,
    });
    expect(refused.phase.kind).toBe('pick');
    expect(refused.flowError).toContain('이어갈 수 없어');
  });

  it('has no draft without a call', () => {
    expect(toConsoleDraft(initialConsoleState())).toBeNull();
  });

  const created: ConsoleAction = {
    type: 'consultationCreated',
    callKey: 'call-1',
    consultationId: 'c-1',
    callerContact: null,
  };

  it('counts saved revisions only forwards', () => {
    const edited = run([started, created, pickType(1), choose('no')]);
    const saved = consoleReducer(edited, {
      type: 'draftSaved',
      consultationId: 'c-1',
      revision: edited.draftRevision,
    });
    expect(saved.savedDraftRevision).toBe(edited.draftRevision);
    expect(
      consoleReducer(saved, { type: 'draftSaved', consultationId: 'c-1', revision: 0 }).savedDraftRevision,
    ).toBe(edited.draftRevision);
  });

  it("counts each call's revisions from what the server holds, not from this tab's other calls", () => {
    // This tab went far on an earlier call…
    const busy = run([started, pickType(1), choose('no'), choose('next'), choose('yes')]);
    expect(busy.draftRevision).toBeGreaterThan(3);
    // …then resumes a call another tab stored at revision 2: it counts on from 2, so that tab's
    // revision 3 reads as newer here.
    const resumed = consoleReducer(busy, resumeAction(run([started, pickType(1)]), 2));
    expect(resumed.draftRevision).toBe(2);
    expect(resumed.savedDraftRevision).toBe(2);
    // A new call holds no draft yet: from 0.
    const fresh = consoleReducer(busy, started);
    expect(fresh.draftRevision).toBe(0);
    expect(fresh.savedDraftRevision).toBe(0);
  });

  it('says which draft revision a finish was made from, a save still out included', () => {
    const edited = run([started, created, pickType(1), choose('no')]);
    const saved = consoleReducer(edited, { type: 'draftSaved', consultationId: 'c-1', revision: 2 });
    expect(draftRevisionSeen(saved)).toBe(2);
    // The save of revision 3 is out: it may be stored before the finish arrives.
    const saving = consoleReducer(saved, { type: 'draftSaving', consultationId: 'c-1', revision: 3 });
    expect(draftRevisionSeen(saving)).toBe(3);
    expect(
      draftRevisionSeen(consoleReducer(saving, { type: 'draftSaved', consultationId: 'c-1', revision: 3 })),
    ).toBe(3);
    // Refused or lost: it was not stored by this tab.
    const ended = consoleReducer(saving, { type: 'draftSaveEnded', consultationId: 'c-1' });
    expect(ended.draftInFlight).toBeNull();
    expect(draftRevisionSeen(ended)).toBe(2);
  });

  it('takes no answer about a call this tab has left as one about the call on screen', () => {
    // The last call's save answers after the next call started: its revision is that call's.
    const next = run([
      started,
      { type: 'consultationCreated', callKey: 'call-1', consultationId: 'c-2', callerContact: null },
    ]);
    const late = consoleReducer(next, { type: 'draftSaved', consultationId: 'c-1', revision: 57 });
    expect(late.savedDraftRevision).toBe(next.savedDraftRevision);
    expect(
      consoleReducer(next, { type: 'draftSaving', consultationId: 'c-1', revision: 57 }).draftInFlight,
    ).toBeNull();
  });
});

describe('the same call in another tab', () => {
  const call = {
    callKey: 'c-9',
    channel: 'call' as const,
    callerNumber: '',
    callerContact: null,
    consultationId: 'c-9',
    guideId: guide.id,
  };
  const here = consoleReducer(initialConsoleState(), {
    type: 'resume',
    call,
    guide,
    draft: toConsoleDraft(run([started, pickType(1), choose('no')])),
    revision: 4,
  });
  const elsewhere = run([
    started,
    pickType(1),
    choose('no'),
    { type: 'collect', key: 'inquiry', value: '다른 탭에서 입력' },
  ]);
  const remote = (revision: number, force = false): Extract<ConsoleAction, { type: 'remoteDraft' }> => ({
    type: 'remoteDraft',
    consultationId: 'c-9',
    guide,
    draft: toConsoleDraft(elsewhere),
    revision,
    force,
  });

  it('shows text typed in another tab without moving focus, and follows it to the next step', () => {
    const followed = consoleReducer(here, remote(5));
    if (followed.phase.kind !== 'flow') throw new Error('expected the flow phase');
    expect(followed.phase.progress.collected.inquiry).toBe('다른 탭에서 입력');
    expect(followed.step).toBe(here.step);
    expect(followed.savedDraftRevision).toBe(5);
    const moved = consoleReducer(followed, {
      ...remote(6),
      draft: toConsoleDraft(run([choose('next')], elsewhere)),
    });
    expect(nodeOf(moved)).toBe('q1-callback-consent');
    expect(moved.step).toBe(followed.step + 1);
  });

  it('ignores an older draft, another call, and a remote draft over unsaved typing unless forced', () => {
    expect(consoleReducer(here, remote(4))).toBe(here);
    expect(consoleReducer(here, { ...remote(9), consultationId: 'other' })).toBe(here);
    const typing = consoleReducer(here, { type: 'collect', key: 'inquiry', value: '여기서 입력 중' });
    expect(consoleReducer(typing, remote(9))).toBe(typing);
    const forced = consoleReducer(typing, remote(9, true));
    if (forced.phase.kind !== 'flow') throw new Error('expected the flow phase');
    expect(forced.phase.progress.collected.inquiry).toBe('다른 탭에서 입력');
    expect(forced.savedDraftRevision).toBe(forced.draftRevision);
  });

  it('a call saved or abandoned elsewhere returns this tab to the start panel with a notice', () => {
    const closed = consoleReducer(here, {
      type: 'closedElsewhere',
      consultationId: 'c-9',
      saved: { title: '[비즈니스] 관리자 기능 문의', outcome: '다른 탭에서 저장됨' },
      message: null,
    });
    expect(closed.phase.kind).toBe('start');
    expect(closed.saved?.outcome).toBe('다른 탭에서 저장됨');
    expect(
      consoleReducer(here, { type: 'closedElsewhere', consultationId: 'x', saved: null, message: null }),
    ).toBe(here);
  });
});

describe('keyboard queue', () => {
  it('holds keys from a step change until the new step has settled, then releases them in order', () => {
    const store = createConsoleStore(initialConsoleState());
    store.dispatch({ type: 'stepSettled', step: 0 });
    expect(isHoldingKeys(store.getState())).toBe(false);

    // Enter started the call: the step changes at once, within the same keydown.
    store.dispatch(started);
    expect(isHoldingKeys(store.getState())).toBe(true);
    store.dispatch({ type: 'keyHeld', key: key('1', 'Digit1') });
    store.dispatch({ type: 'keyHeld', key: key('y', 'KeyY') });
    // A settle reported for an older step does not release anything.
    store.dispatch({ type: 'stepSettled', step: 0 });
    expect(store.getState().settledStep).toBe(0);

    store.dispatch({ type: 'stepSettled', step: store.getState().step });
    // Settled, but keys are still queued: a new key must wait behind them.
    expect(isHoldingKeys(store.getState())).toBe(true);
    expect(store.getState().keyQueue.map((queued) => queued.key)).toEqual(['1', 'y']);

    store.dispatch({ type: 'keyReleased' });
    expect(store.getState().keyQueue.map((queued) => queued.key)).toEqual(['y']);
    // Applying '1' picked a type: a new step, so 'y' waits for it.
    store.dispatch(pickType(1));
    expect(store.getState().settledStep).not.toBe(store.getState().step);
    store.dispatch({ type: 'stepSettled', step: store.getState().step });
    store.dispatch({ type: 'keyReleased' });
    expect(isHoldingKeys(store.getState())).toBe(false);
  });

  it('hands the key that started a call on to the picker: held until the picker has settled', () => {
    const store = createConsoleStore(initialConsoleState());
    store.dispatch({ type: 'stepSettled', step: 0 });
    // A type's number pressed on the start panel starts the call and is queued in the same action.
    store.dispatch({ ...started, handOn: key('1', 'Digit1') });
    expect(store.getState().phase.kind).toBe('pick');
    expect(store.getState().keyQueue.map((queued) => queued.key)).toEqual(['1']);
    expect(isHoldingKeys(store.getState())).toBe(true);
    // Keys typed after it, before the picker shows, wait behind it.
    store.dispatch({ type: 'keyHeld', key: key('n', 'KeyN') });
    store.dispatch({ type: 'stepSettled', step: store.getState().step });
    expect(store.getState().keyQueue.map((queued) => queued.key)).toEqual(['1', 'n']);
    // A start without a key queues nothing.
    expect(run([started]).keyQueue).toEqual([]);
  });

  it('notifies subscribers only on a change and dispatches synchronously', () => {
    const store = createConsoleStore(initialConsoleState());
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls += 1;
    });
    store.dispatch({ type: 'stepBack' });
    expect(calls).toBe(0);
    store.dispatch(started);
    expect(calls).toBe(1);
    expect(store.getState().phase.kind).toBe('pick');
    unsubscribe();
    store.dispatch(pickType(1));
    expect(calls).toBe(1);
  });
});

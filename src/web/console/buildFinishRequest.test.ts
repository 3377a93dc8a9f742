import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finishConsultationRequestSchema } from '../../contract/consultations/finishConsultationRequestSchema.ts';
import type { FlowInput } from '../../domain/flow/flowTypes.ts';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { parseGuide } from '../../domain/guide/parseGuide.ts';
import { validateLeadIntake } from '../../domain/lead/validateLeadIntake.ts';
import { buildFinishRequest, type RecordSubmission } from './buildFinishRequest.ts';
import { type ConsoleAction, consoleReducer } from './consoleReducer.ts';
import { type ConsoleState, initialConsoleState } from './consoleState.ts';

const guideText = readFileSync(
  new URL('../../../content/guides/business-inquiry.json', import.meta.url),
  'utf8',
);
const parsed = parseGuide(guideText, 'business-inquiry.json');
if (!parsed.ok) throw new Error('the business guide does not parse');
const guide: Guide = parsed.guide;

const choose = (input: FlowInput, businessHoursOpen = true): ConsoleAction => ({
  type: 'choose',
  input,
  businessHoursOpen,
  checkLeadIntake: validateLeadIntake,
});

function recordPhaseAfter(typeNumber: number, actions: ConsoleAction[]) {
  const inquiryType = guide.inquiryTypes.find((type) => type.number === typeNumber);
  if (!inquiryType) throw new Error(`no type ${typeNumber}`);
  const state = [
    {
      type: 'start',
      callKey: 'k',
      channel: 'call',
      callerNumber: '010-2222-3333',
      guideId: guide.id,
    } as const,
    { type: 'pick', guide, inquiryType } as const,
    ...actions,
  ].reduce<ConsoleState>(consoleReducer, initialConsoleState());
  if (state.phase.kind !== 'record') throw new Error('expected the record phase');
  return state.phase;
}

const submission = (phase: ReturnType<typeof recordPhaseAfter>): RecordSubmission => ({
  ...phase.record.fields,
  title: '[비즈니스] 제목',
  body: '상담내용',
});

describe('the finish request', () => {
  it('a transfer path files the transfer the agent left on, with the address given', () => {
    const phase = recordPhaseAfter(1, [
      choose('yes', false),
      { type: 'collect', key: 'inquiry', value: '정산 내역 확인 요청' },
      choose('next', false),
      choose('yes', false),
      { type: 'transferChoice', choice: { file: true, email: ' kim@example.com ' } },
    ]);
    const request = buildFinishRequest(phase, submission(phase), true);
    expect(request).toMatchObject({
      scriptId: 'q1',
      inquiryType: 1,
      // The script decided "closed" on the way: that is what is sent, not the live state.
      businessHoursOpen: false,
      fileTransfer: true,
      email: 'kim@example.com',
      collected: { inquiry: '정산 내역 확인 요청' },
    });
    expect(request.history.map((entry) => entry.answer)).toEqual(['yes', 'closed', 'next', 'yes']);
    expect(finishConsultationRequestSchema.safeParse(request).success).toBe(true);
  });

  it('a transfer turned off files nothing and sends no address', () => {
    const phase = recordPhaseAfter(9, [
      choose('no'),
      choose('next'),
      choose('yes'),
      { type: 'transferChoice', choice: { file: false, email: 'kim@example.com' } },
    ]);
    const request = buildFinishRequest(phase, submission(phase), true);
    expect(request.fileTransfer).toBe(false);
    expect(request.email).toBeUndefined();
  });

  it('a path without a business-hours decision sends the live state, unknown as closed', () => {
    const phase = recordPhaseAfter(2, [choose('no')]);
    expect(buildFinishRequest(phase, submission(phase), true).businessHoursOpen).toBe(true);
    expect(buildFinishRequest(phase, submission(phase), null).businessHoursOpen).toBe(false);
  });

  it('a sign-up lead is filed from the intake, with the 사업자등록번호 when given', () => {
    const phase = recordPhaseAfter(6, [
      choose('yes'),
      choose('agreed'),
      { type: 'collect', key: 'companyName', value: '이음상사' },
      { type: 'collect', key: 'contactName', value: '김민지' },
      { type: 'collect', key: 'phone', value: '010-1234-5678' },
      { type: 'collect', key: 'email', value: 'minji@example.com' },
      { type: 'businessNumber', value: ' 220-81-62517 ' },
      choose('next'),
    ]);
    const request = buildFinishRequest(phase, submission(phase), true);
    // The outcome files the lead by default; the transfer toggle does not apply to it.
    expect(request.fileTransfer).toBeUndefined();
    expect(request.businessNumber).toBe('220-81-62517');
    expect(request.collected).toEqual({
      companyName: '이음상사',
      contactName: '김민지',
      phone: '010-1234-5678',
      email: 'minji@example.com',
    });
    expect(finishConsultationRequestSchema.safeParse(request).success).toBe(true);
  });
});

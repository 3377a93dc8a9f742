import { describe, expect, it } from 'vitest';
import { gatherLeadIntake } from '../lead/gatherLeadIntake.ts';
import { validateTransferDraft } from '../transfer/validateTransferDraft.ts';
import { decideFinishFiling } from './decideFinishFiling.ts';

describe('decideFinishFiling', () => {
  it('files what the outcome promised by default', () => {
    expect(decideFinishFiling('transfer', undefined)).toBe('transfer');
    expect(decideFinishFiling('lead', undefined)).toBe('lead');
    expect(decideFinishFiling('support-line', undefined)).toBe('none');
    expect(decideFinishFiling(null, undefined)).toBe('none');
  });
  it('lets the agent decline, or file a transfer off-script, but never a lead off its path', () => {
    expect(decideFinishFiling('transfer', false)).toBe('none');
    expect(decideFinishFiling('lead', false)).toBe('none');
    expect(decideFinishFiling('declined', true)).toBe('transfer');
    expect(decideFinishFiling('lead', true)).toBe('lead');
  });
});

describe('gatherLeadIntake', () => {
  const record = { companyName: '기록상사', contactName: '기록', phone: '010-1111-2222' };
  it('prefers the collected values and names where each came from', () => {
    const gathered = gatherLeadIntake({
      collected: { companyName: '수집상사', email: 'a@example.com' },
      record,
      businessNumber: '1208147521',
    });
    expect(gathered.intake).toEqual({
      companyName: '수집상사',
      contactName: '기록',
      phone: '010-1111-2222',
      email: 'a@example.com',
      businessNumber: '1208147521',
    });
    expect(gathered.where).toEqual({
      companyName: '/collected/companyName',
      contactName: '/record/contactName',
      phone: '/record/phone',
      email: '/collected/email',
      businessNumber: '/businessNumber',
    });
  });
  it('takes an explicit brochure address over the collected one', () => {
    const gathered = gatherLeadIntake({
      collected: { email: 'a@example.com' },
      record,
      email: 'b@example.com',
    });
    expect(gathered.intake.email).toBe('b@example.com');
    expect(gathered.where.email).toBe('/email');
  });
});

describe('validateTransferDraft', () => {
  const draft = {
    kind: 'transfer' as const,
    guideId: null,
    inquiryType: 1,
    channel: 'call' as const,
    companyName: '',
    contactName: '',
    phone: '',
    email: '',
    inquiry: '',
    reachVia: null,
  };
  // A guide with three types served on chat only, type 3 on a script that takes sign-ups: types,
  // channels and which type files leads are the guide's data.
  const end = (outcome: 'transfer' | 'lead') => ({
    type: 'end' as const,
    id: 'end',
    label: '-',
    policyIds: [],
    lines: ['-'],
    outcome,
    offers: [],
    showSupportLineCaveat: false,
  });
  const script = (id: string, outcome: 'transfer' | 'lead') => ({
    id,
    number: 1,
    title: '-',
    audience: '-',
    summary: '-',
    customerQuestions: ['-'],
    policyIds: [],
    start: 'end',
    nodes: [end(outcome)],
  });
  const guide = {
    id: 'three-types',
    heading: '세 유형',
    inquiryTypes: [1, 2, 3].map((number) => ({
      number,
      label: `유형 ${number}`,
      description: '-',
      scriptId: number === 3 ? 'sign-up' : 's',
      rationale: '-',
    })),
    channels: [{ id: 'chat' as const, label: '채팅' }],
    scripts: [script('s', 'transfer'), script('sign-up', 'lead')],
  };
  it('needs an inquiry and a contact, and a type and a channel of the guide', () => {
    const result = validateTransferDraft({ ...draft, inquiryType: 12 }, guide);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'inquiryType',
      'channel',
      'inquiry',
      'phone',
    ]);
    expect(result.problems[0]?.message).toBe('이관 유형은 세 유형 가이드의 1, 2, 3 중 하나입니다');
  });
  it('keeps the phone in its display form, accepts an e-mail alone, and takes the guide and its first channel', () => {
    const byPhone = validateTransferDraft(
      { ...draft, channel: null, inquiry: '문의', phone: '01012345678' },
      guide,
    );
    expect(byPhone.ok && byPhone.value).toMatchObject({
      phone: '010-1234-5678',
      guideId: 'three-types',
      channel: 'chat',
    });
    const byEmail = validateTransferDraft(
      { ...draft, channel: 'chat', inquiry: '문의', email: 'a@example.com' },
      guide,
    );
    expect(byEmail.ok && byEmail.value).toMatchObject({ phone: null, email: 'a@example.com' });
  });
  const filed = { ...draft, channel: 'chat' as const, inquiry: '문의', phone: '01012345678' };
  it('files a sign-up lead only under a type whose script takes sign-ups', () => {
    const onTransferType = validateTransferDraft({ ...filed, kind: 'lead', inquiryType: 1 }, guide);
    expect(onTransferType).toEqual({
      ok: false,
      problems: [
        {
          field: 'kind',
          message: '가입 리드는 세 유형 가이드의 가입 상담 유형(3)으로만 접수합니다',
          choices: { guide: '세 유형', types: [3] },
        },
      ],
    });
    expect(validateTransferDraft({ ...filed, kind: 'lead', inquiryType: 3 }, guide).ok).toBe(true);
    expect(validateTransferDraft({ ...filed, inquiryType: 3 }, guide).ok).toBe(true);
    const noSignUps = { ...guide, scripts: [script('s', 'transfer'), script('sign-up', 'transfer')] };
    expect(validateTransferDraft({ ...filed, kind: 'lead', inquiryType: 3 }, noSignUps)).toMatchObject({
      ok: false,
      problems: [{ field: 'kind', message: '세 유형 가이드에는 가입 리드를 받는 유형이 없습니다' }],
    });
  });
  it('files a callback to the registered contact without a number, but not without the company (QA-9 H1)', () => {
    const registered = { ...draft, inquiryType: 1, channel: 'chat' as const, inquiry: '정산 문의' };
    const noCompany = validateTransferDraft({ ...registered, reachVia: 'registered-contact' }, guide);
    expect(noCompany).toMatchObject({ ok: false, problems: [{ field: 'companyName' }] });
    const named = validateTransferDraft(
      { ...registered, reachVia: 'registered-contact', companyName: '(주)누리테크' },
      guide,
    );
    expect(named).toMatchObject({
      ok: true,
      value: { phone: null, email: null, reachVia: 'registered-contact' },
    });
    // Any other transfer still needs somewhere to reach the caller.
    const elsewhere = validateTransferDraft({ ...registered, companyName: '(주)누리테크' }, guide);
    expect(elsewhere).toMatchObject({ ok: false, problems: [{ field: 'phone' }] });
  });
  it('takes a 담당자 that is a name, and refuses digits or an address there', () => {
    expect(validateTransferDraft({ ...filed, inquiryType: 1, contactName: '김민수 (과장)' }, guide).ok).toBe(
      true,
    );
    for (const contactName of ['12345', '010-1234-5678', 'a@b.kr']) {
      const refused = validateTransferDraft({ ...filed, inquiryType: 1, contactName }, guide);
      expect(refused.ok || refused.problems.map((problem) => problem.field), contactName).toEqual([
        'contactName',
      ]);
    }
  });
});

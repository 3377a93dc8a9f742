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
  };
  // A guide with three types served on chat only: types and channels are the guide's data.
  const guide = {
    id: 'three-types',
    heading: '세 유형',
    inquiryTypes: [1, 2, 3].map((number) => ({
      number,
      label: `유형 ${number}`,
      description: '-',
      scriptId: 's',
      rationale: '-',
    })),
    channels: [{ id: 'chat' as const, label: '채팅' }],
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
});

import { describe, expect, it } from 'vitest';
import { describeCaller } from '../../../domain/cti/describeCaller.ts';
import { wordCallerIdentity } from './wordCallerIdentity.ts';

const nuri = { name: '(주)누리테크', bizNo: '1208147521', status: 'active' as const };
const dormant = { name: '휴면상사', bizNo: '2208162138', status: 'inactive' as const };

describe('wordCallerIdentity', () => {
  it('words a registered contact in Korean and English, role as the directory words it', () => {
    const described = describeCaller([{ company: nuri, contact: { name: '박운영', role: 'operator' } }]);
    expect(wordCallerIdentity(described, 'ko')).toEqual({
      registered: true,
      label: '등록된 운영담당자 · 박*영 · (주)누리테크',
      contacts: [
        {
          role: 'operator',
          roleLabel: '운영담당자',
          name: '박*영',
          companyName: '(주)누리테크',
          bizNo: '1208147521',
        },
      ],
    });
    expect(wordCallerIdentity(described, 'en')).toMatchObject({
      label: 'Registered operator · 박*영 · (주)누리테크',
      contacts: [{ roleLabel: 'Operator' }],
    });
  });

  it('says an unknown number and an ended account’s number are not registered, in either language', () => {
    expect(wordCallerIdentity(describeCaller([]), 'ko').label).toBe('미등록 번호');
    expect(wordCallerIdentity(describeCaller([]), 'en').label).toBe('Unregistered number');
    const ended = describeCaller([{ company: dormant, contact: { name: '정휴면', role: 'manager' } }]);
    expect(wordCallerIdentity(ended, 'ko').label).toBe('미등록 번호 (해지된 기업 휴면상사의 연락처)');
    expect(wordCallerIdentity(ended, 'en')).toMatchObject({
      registered: false,
      label: 'Unregistered number (a contact of 휴면상사, whose account has ended)',
      contacts: [{ roleLabel: 'Account manager', name: '정*면' }],
    });
  });
});

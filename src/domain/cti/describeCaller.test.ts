import { describe, expect, it } from 'vitest';
import { describeCaller } from './describeCaller.ts';

describe('describeCaller', () => {
  it('names the registered contact masked, with role and company', () => {
    const identity = describeCaller([
      {
        company: { name: '(주)누리테크', bizNo: '1234567891', status: 'active' },
        contact: { name: '김민수', role: 'manager' },
      },
    ]);
    expect(identity.registered).toBe(true);
    expect(identity.label).toBe('등록된 관리책임자 · 김*수 · (주)누리테크');
    expect(identity.contacts[0]).toMatchObject({ name: '김*수', roleLabel: '관리책임자' });
  });

  it('says 미등록 번호 when nobody lists the number', () => {
    expect(describeCaller([])).toEqual({ registered: false, label: '미등록 번호', contacts: [] });
  });

  it('does not count a contact of an ended account as registered', () => {
    const identity = describeCaller([
      {
        company: { name: '옛상사', bizNo: '1234567891', status: 'inactive' },
        contact: { name: '박영희', role: 'operator' },
      },
    ]);
    expect(identity.registered).toBe(false);
    expect(identity.label).toContain('미등록 번호');
    expect(identity.contacts[0]?.name).toBe('박*희');
  });
});

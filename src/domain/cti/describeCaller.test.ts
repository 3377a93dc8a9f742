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
    expect(identity).toMatchObject({
      registered: true,
      standing: 'registered',
      shown: { role: 'manager', name: '김*수', companyName: '(주)누리테크' },
    });
    expect(identity.contacts[0]).toMatchObject({ name: '김*수', role: 'manager' });
  });

  it('knows nobody when nobody lists the number', () => {
    expect(describeCaller([])).toEqual({ registered: false, standing: 'unknown', shown: null, contacts: [] });
  });

  it('does not count a contact of an ended account as registered, and shows whose it was', () => {
    const identity = describeCaller([
      {
        company: { name: '옛상사', bizNo: '1234567891', status: 'inactive' },
        contact: { name: '박영희', role: 'operator' },
      },
    ]);
    expect(identity.registered).toBe(false);
    expect(identity.standing).toBe('ended-account');
    expect(identity.shown).toMatchObject({ name: '박*희', companyName: '옛상사' });
  });

  it('shows the contact of an active account even when an ended one lists the number first', () => {
    const identity = describeCaller([
      {
        company: { name: '옛상사', bizNo: '1234567891', status: 'inactive' },
        contact: { name: '박영희', role: 'manager' },
      },
      {
        company: { name: '(주)누리테크', bizNo: '1208147521', status: 'active' },
        contact: { name: '이운영', role: 'operator' },
      },
    ]);
    expect(identity.standing).toBe('registered');
    expect(identity.shown).toMatchObject({ name: '이*영', role: 'operator', companyName: '(주)누리테크' });
  });
});

import { describe, expect, it } from 'vitest';
import { callerContactFromDirectory } from './callerContactFromDirectory.ts';
import type { CallerMatch } from './describeCaller.ts';

const match = (
  company: string,
  contact: string,
  status: CallerMatch['company']['status'] = 'active',
): CallerMatch => ({
  company: { name: company, bizNo: '1234567891', status },
  contact: { name: contact, role: 'manager' },
});

describe('callerContactFromDirectory', () => {
  it('gives the company and the contact when one contact of an active account lists the number', () => {
    expect(callerContactFromDirectory([match('(주)누리테크', '김민수')])).toEqual({
      companyName: '(주)누리테크',
      contactName: '김민수',
    });
  });

  it('gives the company alone when several of its contacts share the number', () => {
    expect(
      callerContactFromDirectory([match('(주)누리테크', '김민수'), match('(주)누리테크', '이영희')]),
    ).toEqual({
      companyName: '(주)누리테크',
      contactName: null,
    });
  });

  it('guesses nothing when contacts of two companies list the number', () => {
    expect(
      callerContactFromDirectory([match('(주)누리테크', '김민수'), match('한빛물류', '이영희')]),
    ).toBeNull();
  });

  it('ignores an ended account: its caller is not registered', () => {
    expect(callerContactFromDirectory([match('옛상사', '박영희', 'inactive')])).toBeNull();
    expect(
      callerContactFromDirectory([match('옛상사', '박영희', 'inactive'), match('(주)누리테크', '김민수')]),
    ).toEqual({ companyName: '(주)누리테크', contactName: '김민수' });
  });

  it('knows nobody when nobody lists the number', () => {
    expect(callerContactFromDirectory([])).toBeNull();
  });
});

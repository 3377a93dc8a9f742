import { signUpLeadPath } from './signUpLeadPath.ts';

/** What an agent types for a sign-up lead (Q4-Y); every field has a valid default. */
export type SignUpIntake = {
  companyName: string;
  contactName: string;
  phone: string;
  email: string;
  businessNumber?: string;
};

const leadPath = signUpLeadPath.history;

async function call(
  base: string,
  authorization: string,
  method: 'POST',
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  const json: unknown = text ? JSON.parse(text) : {};
  if (typeof json !== 'object' || json === null) throw new Error(`${method} ${path}: not an object`);
  return { status: response.status, json: Object.fromEntries(Object.entries(json)) };
}

/**
 * Takes a sign-up lead over real HTTP as the console does: starts a call, saves it along Q4-Y
 * (consent given), files the lead. Returns the lead's id. Chaos tests use it against servers on
 * loopback, in this process or another.
 */
export async function fileSignUpLead(
  base: string,
  authorization: string,
  intake: SignUpIntake,
  idempotencyKey?: string,
): Promise<string> {
  const started = await call(base, authorization, 'POST', '/api/v1/consultations', {
    channel: 'call',
    guideId: 'business-inquiry',
  });
  const consultationId = String(started.json.id);
  await call(base, authorization, 'POST', `/api/v1/consultations/${consultationId}/complete`, {
    scriptId: 'q4',
    inquiryType: 6,
    history: leadPath,
    record: {
      summary: '비즈니스 가입 문의',
      companyName: intake.companyName,
      contactName: intake.contactName,
      phone: intake.phone,
      inquiry: '가입 소개서 요청',
      title: '[비즈니스] 비즈니스 가입 문의',
      body: `ㄴ 기업명 : ${intake.companyName}`,
    },
  });
  const response = await fetch(`${base}/api/v1/leads`, {
    method: 'POST',
    headers: {
      authorization,
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify({ consultationId, ...intake }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/v1/leads: ${response.status} ${text}`);
  const lead: unknown = JSON.parse(text);
  if (typeof lead !== 'object' || lead === null || !('id' in lead) || typeof lead.id !== 'string') {
    throw new Error(`POST /api/v1/leads: no id in ${text}`);
  }
  return lead.id;
}

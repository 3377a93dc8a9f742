import { readFileSync } from 'node:fs';
import {
  type KakaoSkillResponse,
  kakaoSkillResponseSchema,
} from '../../src/contract/kakao/kakaoSkillResponseSchema.ts';

/** A recorded Open Builder request body (test/fixtures/kakao), to vary per message. */
export function kakaoFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/kakao/${name}.json`, import.meta.url), 'utf8'));
}

/** What a KakaoTalk user sees of one answer: the texts and the quick-reply labels. */
export type KakaoTurn = { status: number; body: KakaoSkillResponse; texts: string; labels: string[] };

/**
 * A KakaoTalk user talking to the skill over real HTTP, as Open Builder relays it: the first
 * message from the recorded first-utterance body, then quick replies (their messageText and
 * extra, as Kakao sends them back) or typed text. Every answer is parsed with the contract's v2
 * response schema (limits included), so a reply Kakao would refuse fails the test.
 */
export function kakaoChat(baseUrl: string, token: string, userId: string) {
  let last: KakaoSkillResponse | null = null;
  let lastBody = '';
  const post = async (payload: string): Promise<KakaoTurn> => {
    lastBody = payload;
    const response = await fetch(`${baseUrl}/api/v1/channels/kakao/${token}/skill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=UTF-8', accept: 'application/json' },
      body: payload,
    });
    const json: unknown = await response.json();
    if (response.status !== 200)
      throw new Error(`skill answered ${response.status}: ${JSON.stringify(json)}`);
    const parsed = kakaoSkillResponseSchema.parse(json);
    last = parsed;
    return summarizeTurn(response.status, parsed);
  };
  const send = async (utterance: string, clientExtra: Record<string, unknown> | null): Promise<KakaoTurn> => {
    const body = kakaoFixture(last ? 'quick-reply' : 'first-utterance');
    const userRequest = Object(body.userRequest);
    userRequest.utterance = utterance;
    userRequest.user = { ...Object(userRequest.user), id: userId };
    body.action = { ...Object(body.action), clientExtra };
    return post(JSON.stringify(body));
  };
  return {
    /** Presses the quick reply with this label (fails when the last answer offered none such). */
    press: async (label: string): Promise<KakaoTurn> => {
      const reply = last?.template.quickReplies?.find((candidate) => candidate.label === label);
      if (!reply?.messageText) throw new Error(`no quick reply "${label}" in ${JSON.stringify(last)}`);
      return send(reply.messageText, reply.extra ?? null);
    },
    /** Types a message. */
    type: (text: string): Promise<KakaoTurn> => send(text, null),
    /** Sends the last request again, byte for byte (Kakao's retry after its 5 s timeout). */
    resend: (): Promise<KakaoTurn> => post(lastBody),
  };
}

function summarizeTurn(status: number, body: KakaoSkillResponse): KakaoTurn {
  const texts = body.template.outputs
    .map((output) =>
      'simpleText' in output
        ? output.simpleText.text
        : 'textCard' in output
          ? `${output.textCard.title ?? ''}\n${output.textCard.description ?? ''}`
          : (output.basicCard.description ?? ''),
    )
    .join('\n');
  return { status, body, texts, labels: (body.template.quickReplies ?? []).map((reply) => reply.label) };
}

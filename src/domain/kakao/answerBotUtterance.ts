import { kakaoLimits } from '../../contract/kakao/kakaoLimits.ts';
import { callbackConsentReading } from '../consent/callbackConsentReading.ts';
import { consentReading } from '../consent/consentReading.ts';
import { advanceFlow } from '../flow/advanceFlow.ts';
import { describeStep } from '../flow/describeStep.ts';
import { findFlowNode } from '../flow/findFlowNode.ts';
import type { FlowInput } from '../flow/flowTypes.ts';
import { recordCallbackConsent } from '../flow/recordCallbackConsent.ts';
import { startFlow } from '../flow/startFlow.ts';
import type { CollectFieldKey, EndOutcome, Guide, InquiryType } from '../guide/guideSchema.ts';
import { maskKnownNames } from '../privacy/maskKnownNames.ts';
import { maskText } from '../privacy/maskText.ts';
import { normalizeKoreanPhone } from '../privacy/normalizeKoreanPhone.ts';
import { validateEmail } from '../privacy/validateEmail.ts';
import { validatePersonName } from '../privacy/validatePersonName.ts';
import { asksForAgent } from './asksForAgent.ts';
import { asksToRestart } from './asksToRestart.ts';
import { botConsentDecisions } from './botConsentDecisions.ts';
import { type BotConversation, newBotConversation } from './botConversation.ts';
import type { BotQuickReply, BotReply } from './botReply.ts';
import { botVocabulary as words } from './botVocabulary.ts';
import { chatInquiryTypes } from './chatInquiryTypes.ts';
import { forgetRefusedContact } from './forgetRefusedContact.ts';

/** Facts from outside the conversation, computed by the caller (the domain has no clock or model). */
export type BotContext = {
  /** Now, as an ISO instant, for the transcript. */
  at: string;
  businessHoursOpen: boolean;
  /** When the business team is next at work, in words (e.g. "12월 7일(월) 09:00"). */
  nextOpening: string;
  /** The likeliest inquiry types for a text, best first, with a probability. */
  suggest: (text: string) => Array<{ inquiryType: number; score: number }>;
};

/** What the server must do after this turn, besides storing the conversation. */
export type BotEffect =
  | { kind: 'none' }
  /** The script reached its end: save the record (and file the transfer or lead it calls for). */
  | { kind: 'resolve'; outcome: EndOutcome; fileTransfer: boolean }
  /** The customer goes to a person: now (open) or by a callback filed for the next opening (closed). */
  | { kind: 'hand-off'; open: boolean }
  /**
   * The customer asked for a person out of hours and refused the callback number: nothing to file;
   * the chat is saved declined, with the refusal (a consent record) and no number.
   */
  | { kind: 'handoff-refused' }
  /**
   * The customer said 처음으로 mid-chat: the conversation returned is a new one (nothing filed, nothing
   * typed before kept), which the server stores as a chat starting now.
   */
  | { kind: 'restart' };

/** The turn's result: the conversation after it, the reply, and the effect to carry out. */
export type BotTurnResult = { conversation: BotConversation; reply: BotReply; effect: BotEffect };

/** A suggestion below this probability is not proposed; the type menu is shown instead. */
const SUGGESTION_THRESHOLD = 0.5;

const normalize = (text: string): string =>
  text
    .trim()
    .replace(/[.!~?。]+$/u, '')
    .trim()
    .toLowerCase();

const isOneOf = (text: string, list: readonly string[]): boolean =>
  list.some((word) => normalize(word) === normalize(text));

const quick = (label: string, messageText: string = label): BotQuickReply => ({ label, messageText });

function typeButtonLabel(type: InquiryType): string {
  return type.chatLabel ?? type.label;
}

function findChatType(guide: Guide, number: number | null): InquiryType | undefined {
  return chatInquiryTypes(guide).find((type) => type.number === number);
}

/** Whether the customer asked for a person and the bot is taking the number for that callback. */
function handingOff(conversation: BotConversation): boolean {
  return conversation.stage.startsWith('callback') && conversation.callbackReason === 'handoff';
}

// 상담직원 연결 at every step of a chat still going — but not while the bot takes the number of the
// hand-off the customer already asked for.
function withHandoff(replies: BotQuickReply[], conversation: BotConversation): BotQuickReply[] {
  if (conversation.stage === 'resolved' || conversation.stage === 'handed-off' || handingOff(conversation))
    return replies;
  return [...replies, quick(words.handoff)].slice(0, kakaoLimits.quickReplies);
}

/**
 * Whether the customer agreed, earlier in this chat, to a notice naming the callback number's item
 * (the sign-up notice, or the number's own at a transfer end): a hand-off then takes the number
 * without asking the same consent again.
 */
function numberConsented(guide: Guide, conversation: BotConversation): boolean {
  const needed = callbackConsentReading(guide).items;
  return botConsentDecisions(guide, conversation.consents).some(
    (decision) => decision.agreed && needed.every((item) => decision.items.includes(item)),
  );
}

function greeting(guide: Guide): string {
  return words.greeting(guide.chat.name, guide.supportLine.hours.label);
}

function typeMenu(guide: Guide, conversation: BotConversation, lead: string): BotReply {
  const types = chatInquiryTypes(guide);
  const list = types.map((type) => `${type.number}. ${type.label}`).join('\n');
  const buttons = types
    .slice(0, kakaoLimits.quickReplies - 1)
    .map((type) => quick(typeButtonLabel(type), String(type.number)));
  return {
    texts: [lead, words.typeMenu(list)].filter(Boolean),
    quickReplies: withHandoff(buttons, conversation),
    operator: null,
  };
}

// Value checks at collect nodes: the same rules the console's forms and the server's intake use.
function checkField(
  key: CollectFieldKey,
  value: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const text = value.trim();
  if (text === '') return { ok: false, message: words.emptyValue };
  switch (key) {
    case 'phone': {
      const phone = normalizeKoreanPhone(text);
      return phone.ok ? { ok: true, value: phone.display } : { ok: false, message: phone.message };
    }
    case 'email': {
      const email = validateEmail(text);
      return email.ok ? { ok: true, value: email.email } : { ok: false, message: email.message };
    }
    case 'companyName':
      return text.length <= 200
        ? { ok: true, value: text }
        : { ok: false, message: words.companyNameTooLong };
    case 'contactName': {
      if (text.length > 100) return { ok: false, message: words.contactNameTooLong };
      // The console's intake takes a name only (validateLeadIntake): the same rule here.
      const name = validatePersonName(text);
      return name.ok ? { ok: true, value: name.name } : { ok: false, message: name.message };
    }
    default:
      return text.length <= 4000 ? { ok: true, value: text } : { ok: false, message: words.inquiryTooLong };
  }
}

/** The guide's closing sentence for a customer who declines (an end node with outcome 'declined'). */
function closingLines(guide: Guide, scriptId: string | null): string[] {
  const scripts = [
    ...guide.scripts.filter((script) => script.id === scriptId),
    ...guide.scripts.filter((script) => script.id !== scriptId),
  ];
  for (const script of scripts) {
    const end = script.nodes.find((node) => node.type === 'end' && node.outcome === 'declined');
    if (end && end.type === 'end') return end.lines;
  }
  return [];
}

type Turn = { conversation: BotConversation; reply: BotReply; effect: BotEffect };

/** Speaks the node the flow rests on: its sentences verbatim, and the buttons it takes. */
function presentNode(guide: Guide, conversation: BotConversation, lead: string[] = []): Turn {
  const flow = conversation.flow;
  if (!flow) return { conversation, reply: typeMenu(guide, conversation, ''), effect: { kind: 'none' } };
  const step = describeStep(guide, flow);
  const node = step.node;
  const text = (lines: string[]) => lines.join('\n');
  switch (node.type) {
    case 'ask':
      return {
        conversation: { ...conversation, stage: 'flow' },
        reply: {
          texts: [...lead, text(step.lines)].filter(Boolean),
          quickReplies: withHandoff([quick(words.yes), quick(words.no)], conversation),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    case 'say':
      return {
        conversation: { ...conversation, stage: 'flow' },
        reply: {
          texts: [...lead, text(step.lines)].filter(Boolean),
          quickReplies: withHandoff([quick(words.next)], conversation),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    case 'consent':
      return {
        conversation: { ...conversation, stage: 'flow' },
        reply: {
          // The notice verbatim, blank lines kept, as the guide has it.
          texts: [...lead, guide.consentNotice.text],
          quickReplies: withHandoff([quick(words.agree), quick(words.refuse)], conversation),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    case 'collect': {
      const field = node.fields[conversation.fieldIndex] ?? node.fields[0];
      const next = { ...conversation, stage: 'collect' as const };
      return {
        conversation: next,
        reply: {
          texts: [...lead, text(step.lines), field ? words.fieldPrompt(field.label) : ''].filter(Boolean),
          quickReplies: withHandoff([], next),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    }
    case 'end': {
      const lines = [...step.lines, ...(step.supportLineCaveat ? [step.supportLineCaveat] : [])];
      if (node.outcome === 'transfer') {
        // The business team calls back; in chat the bot cannot see the number the app holds, and a
        // transfer needs somewhere to call, so it asks for one — newly collected, hence under the
        // guide's consent notice first — and says why, so that a refusal is an informed one. The
        // end's own sentences (the callback promised) wait until the number is taken, as the guide
        // says them once the request is taken: said now, a refusal would break them at once.
        const asking = {
          ...conversation,
          stage: 'callback-consent' as const,
          callbackReason: 'transfer-end' as const,
        };
        return {
          conversation: asking,
          reply: {
            texts: [...lead, words.chatNeedsNumber, callbackConsentReading(guide).text].filter(Boolean),
            quickReplies: withHandoff([quick(words.agree), quick(words.refuse)], asking),
            operator: null,
          },
          effect: { kind: 'none' },
        };
      }
      const ended = { ...conversation, stage: 'resolved' as const, outcome: node.outcome };
      // The guide's sentences only: the support line is in them where the guide gives it (a
      // registered contact); it connects no one else, so no other end adds it.
      return {
        conversation: ended,
        reply: {
          texts: [...lead, text(lines)].filter(Boolean),
          quickReplies: [quick(words.restart)],
          operator: null,
        },
        effect: { kind: 'resolve', outcome: node.outcome, fileTransfer: node.outcome === 'lead' },
      };
    }
    default:
      throw new Error(`flow rests on a ${node.type} node`);
  }
}

function startType(
  guide: Guide,
  conversation: BotConversation,
  type: InquiryType,
  context: BotContext,
  lead = '',
): Turn {
  const started = startFlow(guide, type.scriptId);
  if (!started.ok) throw new Error(started.message);
  const next: BotConversation = {
    ...conversation,
    inquiryType: type.number,
    suggestedType: null,
    flow: started.state,
    fieldIndex: 0,
  };
  if (conversation.handoffAfterType) return handOff(guide, { ...next, handoffAfterType: false }, context);
  return presentNode(guide, next, lead ? [lead] : []);
}

function handOff(guide: Guide, conversation: BotConversation, context: BotContext): Turn {
  if (conversation.inquiryType === null) {
    // The agent (or the callback) needs the type; ask it first, then hand off.
    const waiting = { ...conversation, stage: 'pick-type' as const, handoffAfterType: true };
    return {
      conversation: waiting,
      reply: typeMenu(guide, waiting, words.typeBeforeHandoff),
      effect: { kind: 'none' },
    };
  }
  if (context.businessHoursOpen) {
    const handed = { ...conversation, stage: 'handed-off' as const, outcome: 'handoff' as const };
    return {
      conversation: handed,
      reply: {
        texts: [words.handoffStarted],
        quickReplies: [],
        operator: {
          title: guide.chat.name,
          description: words.hours(guide.supportLine.hours.label),
          label: words.handoff,
        },
      },
      effect: { kind: 'hand-off', open: true },
    };
  }
  const closedNow = words.closedNow(guide.supportLine.hours.label, context.nextOpening);
  if (numberConsented(guide, conversation)) {
    // The number is asked for (or, given already, the inquiry) under the consent the chat holds.
    const taking = { ...conversation, callbackReason: 'handoff' as const };
    if (taking.collected.phone && taking.collected.inquiry) return finishCallback(guide, taking, context);
    const stage = taking.collected.phone ? ('callback-inquiry' as const) : ('callback-phone' as const);
    const label = stage === 'callback-phone' ? words.callbackNumberLabel : words.inquiryLabel;
    return {
      conversation: { ...taking, stage },
      reply: { texts: [closedNow, words.fieldPrompt(label)], quickReplies: [], operator: null },
      effect: { kind: 'none' },
    };
  }
  const asking = { ...conversation, stage: 'callback-consent' as const, callbackReason: 'handoff' as const };
  return {
    conversation: asking,
    reply: {
      texts: [closedNow, callbackConsentReading(guide).text],
      quickReplies: [quick(words.agree), quick(words.refuse)],
      operator: null,
    },
    effect: { kind: 'none' },
  };
}

function answerFlow(
  guide: Guide,
  conversation: BotConversation,
  utterance: string,
  context: BotContext,
): Turn {
  const flow = conversation.flow;
  if (!flow) return { conversation, reply: typeMenu(guide, conversation, ''), effect: { kind: 'none' } };
  const found = findFlowNode(guide, flow.scriptId, flow.currentNodeId);
  let input: FlowInput | null = null;
  if (found?.node.type === 'ask') {
    if (isOneOf(utterance, words.yesWords)) input = 'yes';
    else if (isOneOf(utterance, words.noWords)) input = 'no';
  } else if (found?.node.type === 'consent') {
    if (isOneOf(utterance, [...words.agreeWords, ...words.yesWords])) input = 'agreed';
    else if (isOneOf(utterance, [...words.refuseWords, ...words.noWords])) input = 'refused';
  } else if (found?.node.type === 'say') {
    input = 'next';
  }
  if (input === null) {
    const again = presentNode(guide, conversation, [words.pressButton]);
    return again;
  }
  const advanced = advanceFlow(guide, flow, input, { businessHoursOpen: context.businessHoursOpen });
  if (!advanced.ok) return presentNode(guide, conversation, [advanced.message]);
  const routed = advanced.state.history.some((entry) => entry.answer === 'open' || entry.answer === 'closed');
  let next: BotConversation = {
    ...conversation,
    flow: advanced.state,
    fieldIndex: 0,
    businessHoursOpen: routed ? context.businessHoursOpen : conversation.businessHoursOpen,
  };
  if (found?.node.type === 'consent') {
    const reading = consentReading(guide.consentNotice);
    next = {
      ...next,
      consents: [
        ...next.consents,
        {
          noticeId: reading.noticeId,
          version: reading.noticeVersion,
          agreed: input === 'agreed',
          at: context.at,
          purpose: 'script',
          items: reading.items,
        },
      ],
    };
    // Refused: the chat keeps none of what the notice asked for, though typed before it.
    if (input === 'refused') next = forgetRefusedContact(next);
  }
  return presentNode(guide, next);
}

function answerCollect(
  guide: Guide,
  conversation: BotConversation,
  utterance: string,
  context: BotContext,
): Turn {
  const flow = conversation.flow;
  const found = flow ? findFlowNode(guide, flow.scriptId, flow.currentNodeId) : undefined;
  if (!flow || found?.node.type !== 'collect') return presentNode(guide, conversation);
  const field = found.node.fields[conversation.fieldIndex];
  if (!field) return presentNode(guide, conversation);
  const checked = checkField(field.key, utterance);
  if (!checked.ok) {
    return {
      conversation,
      reply: {
        texts: [`${checked.message}\n${words.fieldPrompt(field.label)}`],
        quickReplies: withHandoff([], conversation),
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  const collected = { ...conversation.collected, [field.key]: checked.value };
  const fieldIndex = conversation.fieldIndex + 1;
  if (fieldIndex < found.node.fields.length) {
    const next = { ...conversation, collected, fieldIndex };
    const nextField = found.node.fields[fieldIndex];
    return {
      conversation: next,
      reply: {
        texts: [nextField ? words.fieldPrompt(nextField.label) : ''],
        quickReplies: withHandoff([], next),
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  const advanced = advanceFlow(guide, flow, 'next', { businessHoursOpen: context.businessHoursOpen });
  if (!advanced.ok) return presentNode(guide, conversation, [advanced.message]);
  return presentNode(guide, { ...conversation, collected, fieldIndex: 0, flow: advanced.state });
}

function finishCallback(guide: Guide, conversation: BotConversation, context: BotContext): Turn {
  if (conversation.callbackReason === 'transfer-end') {
    const ended = { ...conversation, stage: 'resolved' as const, outcome: 'transfer' as const };
    // Taken: now the transfer end's sentences (the guide's promise of a callback), after when.
    const promise = conversation.flow ? describeStep(guide, conversation.flow).lines : [];
    return {
      conversation: ended,
      reply: {
        texts: [
          [words.received(context.businessHoursOpen ? null : context.nextOpening), ...promise].join('\n'),
        ],
        quickReplies: [quick(words.restart)],
        operator: null,
      },
      effect: { kind: 'resolve', outcome: 'transfer', fileTransfer: true },
    };
  }
  const handed = { ...conversation, stage: 'handed-off' as const, outcome: 'handoff' as const };
  return {
    conversation: handed,
    reply: {
      texts: [words.filed(context.nextOpening)],
      quickReplies: [quick(words.restart)],
      operator: null,
    },
    effect: { kind: 'hand-off', open: false },
  };
}

/**
 * A message after the chat was handed over, while the request waits for a person: the customer is
 * told so — in hours with Kakao's 상담직원 연결 button again, out of hours with when the callback
 * comes — rather than greeted as a stranger; 처음으로 starts a new chat.
 */
function answerWhileHandedOff(guide: Guide, conversation: BotConversation, context: BotContext): Turn {
  const restart = [quick(words.restart)];
  if (conversation.callbackReason === 'handoff') {
    return {
      conversation,
      reply: {
        texts: [words.callbackWaiting(context.businessHoursOpen ? null : context.nextOpening)],
        quickReplies: restart,
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  return {
    conversation,
    reply: {
      texts: [words.agentWaiting],
      quickReplies: restart,
      operator: {
        title: guide.chat.name,
        description: words.hours(guide.supportLine.hours.label),
        label: words.handoff,
      },
    },
    effect: { kind: 'none' },
  };
}

function answerCallback(
  guide: Guide,
  conversation: BotConversation,
  utterance: string,
  context: BotContext,
): Turn {
  if (conversation.stage === 'callback-consent') {
    const agreed = isOneOf(utterance, [...words.agreeWords, ...words.yesWords]);
    const refused = isOneOf(utterance, [...words.refuseWords, ...words.noWords]);
    if (!agreed && !refused) {
      return {
        conversation,
        reply: {
          texts: [words.consentByButton],
          quickReplies: withHandoff([quick(words.agree), quick(words.refuse)], conversation),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    }
    const reading = callbackConsentReading(guide);
    const consents = [
      ...conversation.consents,
      {
        noticeId: reading.noticeId,
        version: reading.noticeVersion,
        agreed,
        at: context.at,
        purpose: 'callback' as const,
        items: reading.items,
      },
    ];
    // At a script's transfer end the decision is the path's last step, so the record (and its
    // consent record, written with it) shows it; a hand-off's is recorded as the chat is handed over.
    const decided =
      conversation.callbackReason === 'transfer-end' && conversation.flow
        ? recordCallbackConsent(guide, conversation.flow, agreed ? 'agreed' : 'refused')
        : null;
    const flow = decided?.ok ? decided.state : conversation.flow;
    if (refused) {
      // Nothing is collected; a script that reached its transfer end is still recorded — its path
      // ending in the refusal, declined, with no transfer (nowhere to call) — and the customer is
      // told so rather than left waiting for a call.
      const transferEnd = conversation.callbackReason === 'transfer-end';
      // Nor is a number or an address the customer wrote before (in the 문의 내용, or any message):
      // the chat, its record and transcript keep none of what the refused consent covered.
      const ended: BotConversation = forgetRefusedContact({
        ...conversation,
        flow,
        consents,
        stage: 'resolved',
        outcome: 'callback-refused',
      });
      const closing = closingLines(guide, conversation.flow?.scriptId ?? null);
      return {
        conversation: ended,
        reply: {
          texts: [[...(transferEnd ? [words.notFiledWithoutNumber] : []), ...closing].join('\n')],
          quickReplies: [quick(words.restart)],
          operator: null,
        },
        effect: transferEnd
          ? { kind: 'resolve', outcome: 'declined', fileTransfer: false }
          : { kind: 'handoff-refused' },
      };
    }
    const next = { ...conversation, flow, consents, stage: 'callback-phone' as const };
    return {
      conversation: next,
      reply: {
        texts: [words.fieldPrompt(words.callbackNumberLabel)],
        quickReplies: withHandoff([], next),
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  if (asksForAgent(utterance)) {
    // Only while the bot takes the number (or inquiry) of a hand-off already asked for — elsewhere
    // the words hand off before this: it is under way, and the words are no value to file.
    const label = conversation.stage === 'callback-phone' ? words.callbackNumberLabel : words.inquiryLabel;
    return {
      conversation,
      reply: {
        texts: [`${words.handoffUnderway}\n${words.fieldPrompt(label)}`],
        quickReplies: withHandoff([], conversation),
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  if (conversation.stage === 'callback-phone') {
    const checked = checkField('phone', utterance);
    if (!checked.ok) {
      return {
        conversation,
        reply: {
          texts: [`${checked.message}\n${words.fieldPrompt(words.callbackNumberLabel)}`],
          quickReplies: withHandoff([], conversation),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    }
    const next = { ...conversation, collected: { ...conversation.collected, phone: checked.value } };
    if (!next.collected.inquiry) {
      const asking = { ...next, stage: 'callback-inquiry' as const };
      return {
        conversation: asking,
        reply: {
          texts: [words.fieldPrompt(words.inquiryLabel)],
          quickReplies: withHandoff([], asking),
          operator: null,
        },
        effect: { kind: 'none' },
      };
    }
    return finishCallback(guide, next, context);
  }
  const checked = checkField('inquiry', utterance);
  if (!checked.ok) {
    return {
      conversation,
      reply: {
        texts: [`${checked.message}\n${words.fieldPrompt(words.inquiryLabel)}`],
        quickReplies: withHandoff([], conversation),
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  return finishCallback(
    guide,
    { ...conversation, collected: { ...conversation.collected, inquiry: checked.value } },
    context,
  );
}

function pickType(
  guide: Guide,
  conversation: BotConversation,
  utterance: string,
  context: BotContext,
  lead: string,
): Turn {
  const types = chatInquiryTypes(guide);
  const text = utterance.trim();
  const byNumber = /^\d{1,3}$/.test(text) ? types.find((type) => type.number === Number(text)) : undefined;
  const byLabel = types.find((type) => isOneOf(text, [type.label, typeButtonLabel(type)]));
  const chosen = byNumber ?? byLabel;
  if (chosen) return startType(guide, conversation, chosen, context, lead);
  const best = context
    .suggest(text)
    .find((suggestion) => types.some((type) => type.number === suggestion.inquiryType));
  const suggested =
    best && best.score >= SUGGESTION_THRESHOLD ? findChatType(guide, best.inquiryType) : undefined;
  if (suggested) {
    const next = { ...conversation, stage: 'confirm-type' as const, suggestedType: suggested.number };
    return {
      conversation: next,
      reply: {
        texts: [lead, words.suggestedType(suggested.label)].filter(Boolean),
        quickReplies: withHandoff([quick(words.yes), quick(words.no)], next),
        operator: null,
      },
      effect: { kind: 'none' },
    };
  }
  const next = { ...conversation, stage: 'pick-type' as const };
  return { conversation: next, reply: typeMenu(guide, next, lead), effect: { kind: 'none' } };
}

/**
 * The chatbot's turn: takes what the customer said (typed or a quick reply's text) and answers
 * from the guide — greeting and the inquiry type (suggested from the first utterance, or the
 * menu), then the type's script node by node with 네/아니요, the consent notice verbatim with
 * 동의/동의 안 함, collect nodes one value at a time (bad values re-asked with the reason), and the
 * script's end sentences. "상담직원 연결" at any point hands off: at once in business hours,
 * else after a consented callback number. Pure: the caller stores the result and carries out the
 * effect. Customer text enters the transcript masked.
 */
export function answerBotUtterance(
  guide: Guide,
  conversation: BotConversation,
  utterance: string,
  context: BotContext,
): BotTurnResult {
  const heard: BotConversation = {
    ...conversation,
    transcript: [
      ...conversation.transcript,
      { from: 'customer', text: maskText(utterance.trim()), at: context.at },
    ],
  };
  const turn = takeTurn(guide, heard, utterance, context);
  const said = turn.reply.texts.filter(Boolean).join('\n\n');
  // The 담당자 name the customer gave is masked wherever they typed it (it is kept, sealed, in
  // `collected` for the record; the transcript is for reading the conversation, not the values).
  const name = turn.conversation.collected.contactName;
  const transcript = [...turn.conversation.transcript, { from: 'bot' as const, text: said, at: context.at }];
  return {
    ...turn,
    conversation: {
      ...turn.conversation,
      transcript: name
        ? transcript.map((entry) =>
            entry.from === 'customer' ? { ...entry, text: maskKnownNames(entry.text, [name]) } : entry,
          )
        : transcript,
    },
  };
}

/**
 * 처음으로 mid-chat, at any step — a text step too, where it would otherwise be taken as a value
 * (an 업체명 "처음으로" filed): the chat starts over as after an ending, greeting and type menu, on a
 * new conversation. Nothing is filed, and nothing said before is kept — values, consent decisions
 * (none recorded yet: they are written with what they belong to) and transcript — but this message.
 */
function restart(guide: Guide, conversation: BotConversation): Turn {
  const fresh: BotConversation = {
    ...newBotConversation({ id: conversation.guideId, version: conversation.guideVersion }),
    stage: 'pick-type',
    transcript: conversation.transcript.slice(-1),
  };
  return { conversation: fresh, reply: typeMenu(guide, fresh, greeting(guide)), effect: { kind: 'restart' } };
}

function takeTurn(guide: Guide, conversation: BotConversation, utterance: string, context: BotContext): Turn {
  const ongoing = conversation.stage !== 'resolved' && conversation.stage !== 'handed-off';
  // The bot's own commands work at every step, before any step reads the text as an answer or a value.
  if (ongoing && conversation.stage !== 'new' && asksToRestart(utterance))
    return restart(guide, conversation);
  const asksForPerson = asksForAgent(utterance);
  if (ongoing && asksForPerson && !handingOff(conversation)) {
    return handOff(guide, conversation, context);
  }
  switch (conversation.stage) {
    case 'new':
      return pickType(guide, conversation, utterance, context, greeting(guide));
    case 'confirm-type': {
      const suggested = findChatType(guide, conversation.suggestedType);
      if (suggested && isOneOf(utterance, words.yesWords))
        return startType(guide, conversation, suggested, context);
      if (isOneOf(utterance, [...words.noWords, words.otherType])) {
        const next = { ...conversation, stage: 'pick-type' as const, suggestedType: null };
        return { conversation: next, reply: typeMenu(guide, next, ''), effect: { kind: 'none' } };
      }
      return pickType(guide, conversation, utterance, context, '');
    }
    case 'pick-type':
      return pickType(guide, conversation, utterance, context, '');
    case 'flow':
      return answerFlow(guide, conversation, utterance, context);
    case 'collect':
      return answerCollect(guide, conversation, utterance, context);
    case 'callback-consent':
    case 'callback-phone':
    case 'callback-inquiry':
      return answerCallback(guide, conversation, utterance, context);
    case 'handed-off':
      // The caller passes a handed-off chat only while its request waits (else, or on 처음으로, it
      // starts a new one).
      return answerWhileHandedOff(guide, conversation, context);
    default:
      // Handled by the caller: a finished conversation starts a new one.
      throw new Error(`conversation is ${conversation.stage}`);
  }
}

import type { FlowState } from '../flow/flowTypes.ts';
import type { CollectFieldKey, EndOutcome } from '../guide/guideSchema.ts';

/** One message of the chat, as the agent who takes over reads it. Customer text is masked. */
export type BotTurn = { from: 'customer' | 'bot'; text: string; at: string };

/** A consent decision taken in the chat, on the guide's notice. */
export type BotConsent = {
  /** The notice as read: its id, or its id with the items when narrowed (consentReading). */
  noticeId: string;
  version: string;
  agreed: boolean;
  at: string;
  /** What it was asked for: the script's consent node (sign-up lead) or a callback number. */
  purpose: 'script' | 'callback';
  /** The items the notice named; absent in conversations stored before they were kept. */
  items?: string[];
};

/** Where the conversation stands. */
export type BotStage =
  | 'new'
  | 'confirm-type'
  | 'pick-type'
  | 'flow'
  | 'collect'
  | 'callback-consent'
  | 'callback-phone'
  | 'callback-inquiry'
  | 'resolved'
  | 'handed-off';

/** Why the bot asks for a callback number: the script promised a callback, or the customer asked for a person out of hours. */
export type CallbackReason = 'transfer-end' | 'handoff';

/**
 * A KakaoTalk conversation with the bot, as stored (sealed: it holds what the customer typed).
 * Plain data, so the pure engine can move it and the server can keep it between requests.
 */
export type BotConversation = {
  guideId: string;
  guideVersion: string;
  stage: BotStage;
  /** The inquiry type the bot proposed from the first utterance, awaiting 네/아니요. */
  suggestedType: number | null;
  inquiryType: number | null;
  flow: FlowState | null;
  /** The field asked next at a collect node (index into its fields). */
  fieldIndex: number;
  collected: Partial<Record<CollectFieldKey, string>>;
  consents: BotConsent[];
  transcript: BotTurn[];
  /** The business-hours decision the script routed on, as finish records it. */
  businessHoursOpen: boolean | null;
  callbackReason: CallbackReason | null;
  /** The customer asked for a person before choosing a type: hand off once the type is known. */
  handoffAfterType: boolean;
  /**
   * How it ended: the script's outcome, 'handoff', or 'callback-refused' (no callback number: at a
   * transfer end its consultation is saved declined, out of hours nothing is filed); null while running.
   */
  outcome: EndOutcome | 'handoff' | 'callback-refused' | null;
};

/** A fresh conversation on a guide. */
export function newBotConversation(guide: { id: string; version: string }): BotConversation {
  return {
    guideId: guide.id,
    guideVersion: guide.version,
    stage: 'new',
    suggestedType: null,
    inquiryType: null,
    flow: null,
    fieldIndex: 0,
    collected: {},
    consents: [],
    transcript: [],
    businessHoursOpen: null,
    callbackReason: null,
    handoffAfterType: false,
    outcome: null,
  };
}

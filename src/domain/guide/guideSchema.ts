import { z } from 'zod';
import { channelSchema } from '../../contract/common/channelSchema.ts';

/** The schema version this code reads; older documents are migrated up to it by `migrateGuide`. */
export const guideSchemaVersion = 2;

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id는 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다');
const textSchema = z.string().trim().min(1);
const linesSchema = z.array(textSchema);

/** Keys of values an agent can take down during a flow (collect nodes). */
export const collectFieldKeys = ['companyName', 'contactName', 'phone', 'email', 'inquiry'] as const;
const collectFieldKeySchema = z.enum(collectFieldKeys);

/** Keys of the consultation-record body and the transfer form. */
const recordFieldKeySchema = z.enum(['companyName', 'contactName', 'phone', 'inquiry']);

const endOutcomeSchema = z.enum(['support-line', 'transfer', 'company-admin', 'lead', 'declined']);
const offerSchema = z.enum(['chat-link']);

// Every node carries a short label (path display, editors) and may cite policies and a note
// explaining a design decision that the seed leaves open.
const nodeBase = {
  id: idSchema,
  label: textSchema,
  policyIds: z.array(idSchema).default([]),
  note: z.string().optional(),
};

const askNodeSchema = z.strictObject({
  ...nodeBase,
  type: z.literal('ask'),
  lines: linesSchema.min(1),
  answerLabels: z.strictObject({ yes: textSchema, no: textSchema }),
  yes: idSchema,
  no: idSchema,
  /**
   * The question the business directory can answer for a call popped by the CTI:
   * 'registered-contact' — is the caller a registered 관리책임자/운영담당자 (Y when the directory lists
   * the number). The console shows the directory's answer as the suggested one; the agent confirms.
   */
  directorySuggestion: z.enum(['registered-contact']).optional(),
});

const sayNodeSchema = z.strictObject({
  ...nodeBase,
  type: z.literal('say'),
  lines: linesSchema.min(1),
  next: idSchema,
});

const businessHoursNodeSchema = z.strictObject({
  ...nodeBase,
  type: z.literal('businessHours'),
  open: idSchema,
  closed: idSchema,
  /** transferMethods id shown while the support line is open. */
  openMethod: idSchema,
  /** transferMethods id shown outside business hours. */
  closedMethod: idSchema,
});

const collectNodeSchema = z.strictObject({
  ...nodeBase,
  type: z.literal('collect'),
  lines: linesSchema,
  fields: z.array(z.strictObject({ key: collectFieldKeySchema, label: textSchema })).min(1),
  next: idSchema,
});

const consentNodeSchema = z.strictObject({
  ...nodeBase,
  type: z.literal('consent'),
  noticeId: idSchema,
  agreed: idSchema,
  refused: idSchema,
});

const endNodeSchema = z.strictObject({
  ...nodeBase,
  type: z.literal('end'),
  lines: linesSchema.min(1),
  outcome: endOutcomeSchema,
  offers: z.array(offerSchema).default([]),
  showSupportLineCaveat: z.boolean().default(false),
  /**
   * How the business team reaches the caller after this end, when not at a number taken down:
   * 'registered-contact' — at the contact registered for the business account (the guide's
   * "카카오 T 앱 내의 등록된 연락처로 안내"), so no number is collected on the call (consent rule:
   * nothing new is collected) and the transfer names the company instead.
   */
  reachVia: z.enum(['registered-contact']).optional(),
});

const guideNodeSchema = z.discriminatedUnion('type', [
  askNodeSchema,
  sayNodeSchema,
  businessHoursNodeSchema,
  collectNodeSchema,
  consentNodeSchema,
  endNodeSchema,
]);

const scriptSchema = z.strictObject({
  id: idSchema,
  number: z.number().int().positive(),
  /** The seed's table-of-contents entry. */
  title: textSchema,
  /** The audience in the Q heading's parentheses. */
  audience: textSchema,
  /** Default consultation-record summary when no inquiry type was chosen. */
  summary: textSchema,
  customerQuestions: z.array(textSchema).min(1),
  policyIds: z.array(idSchema).default([]),
  start: idSchema,
  /** The channels this script is read on; absent: every channel of the guide (a chat-only script lists 'chat'). */
  channels: z.array(channelSchema).min(1).optional(),
  note: z.string().optional(),
  nodes: z.array(guideNodeSchema).min(1),
});

/** A channel the guide serves, with the label agents see (전화, 채팅). */
const guideChannelSchema = z.strictObject({ id: channelSchema, label: textSchema });

const inquiryTypeSchema = z.strictObject({
  number: z.number().int().min(1),
  label: textSchema,
  /** A shorter label for chat buttons (Kakao allows 14 characters); absent: `label`. */
  chatLabel: textSchema.optional(),
  description: textSchema,
  scriptId: idSchema,
  rationale: textSchema,
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM 형식이어야 합니다');

const supportLineSchema = z.strictObject({
  name: textSchema,
  phone: z.string().regex(/^\d{4}-\d{4}$|^0\d{1,2}-\d{3,4}-\d{4}$/, '전화번호 형식이 아닙니다'),
  hours: z
    .strictObject({
      label: textSchema,
      days: z.literal('weekdays'),
      opens: hhmm,
      closes: hhmm,
      timeZone: z.literal('Asia/Seoul'),
    })
    // The business calendar counts a day as [opens, closes): a line that closes before it opens
    // would make every routing decision fail, so such a guide is refused when it is loaded.
    .refine((hours) => hours.opens < hours.closes, {
      message: '마감 시각(closes)은 시작 시각(opens)보다 늦어야 합니다',
      path: ['closes'],
    }),
  caveat: textSchema,
});

const chatSchema = z.strictObject({
  name: textSchema,
  url: z.url({ protocol: /^https$/ }),
  offerLabel: textSchema,
  message: textSchema,
});

const transferMethodSchema = z.strictObject({ id: idSchema, marker: textSchema, text: textSchema });

const fieldSchema = z.strictObject({ key: recordFieldKeySchema, label: textSchema });

const transferFormSchema = z.strictObject({
  board: z.strictObject({ name: textSchema, url: z.url({ protocol: /^https$/ }) }),
  formName: textSchema,
  mentionInstruction: textSchema,
  fields: z.array(fieldSchema).min(1),
});

const recordSchema = z.strictObject({
  categoryLabel: textSchema,
  categoryPath: z.array(textSchema).min(1),
  titleLabel: textSchema,
  titleTemplate: textSchema,
  summaryPlaceholder: textSchema,
  bodyLabel: textSchema,
  bodyFields: z.array(fieldSchema).min(1),
});

const consentRuleSchema = z.strictObject({
  channels: z.array(channelSchema).min(1),
  /** Section 3 verbatim. */
  lines: z
    .array(
      z.strictObject({
        id: idSchema,
        number: z.number().int().positive(),
        text: textSchema,
        subLines: z.array(textSchema).default([]),
      }),
    )
    .min(1),
  /** The same rule in machine-readable form; `inferred` marks cases implied rather than stated. */
  rules: z
    .array(
      z.strictObject({
        id: idSchema,
        lineId: idSchema,
        caller: z.enum(['member', 'non-member']),
        action: z.enum(['verify-without-storing', 'store-in-record', 'recollect-held', 'collect-new']),
        consentRequired: z.boolean(),
        inferred: z.boolean(),
        /** What the agent is shown beside an item the rule decided; the line's text when absent. */
        explanation: textSchema.optional(),
        note: z.string().optional(),
      }),
    )
    .min(1),
});

// Each part a notice must state under Korean privacy law is a required field; the validator
// additionally checks that the spoken text really states it.
const consentNoticeSchema = z.strictObject({
  id: idSchema,
  version: textSchema,
  text: textSchema,
  purpose: textSchema,
  items: z.array(textSchema).min(1),
  retention: z.strictObject({ years: z.number().int().positive(), basis: textSchema }),
  rightToRefuse: textSchema,
});

const policySchema = z.strictObject({
  id: idSchema,
  marker: textSchema,
  title: textSchema,
  items: z
    .array(z.strictObject({ id: idSchema, text: textSchema, details: z.array(textSchema).default([]) }))
    .min(1),
});

/**
 * The sign-up brochure e-mail (비즈니스 가입 소개서) sent to a Q4 lead. Optional: a guide without a
 * sign-up path has none. Templates may use the guide's variables and `{{lead.companyName}}`,
 * `{{lead.contactName}}`; the validator rejects any other name.
 */
/** Lead values a brochure e-mail template may use besides the guide's own variables. */
export const brochureEmailVariables = ['lead.companyName', 'lead.contactName'] as const;

const brochureEmailSchema = z.strictObject({
  subject: textSchema,
  body: textSchema,
  /** The attachment's file name as the customer sees it (a Korean name is fine). */
  attachmentName: z
    .string()
    .trim()
    .regex(/^[^/\\]+\.pdf$/i, '첨부 파일 이름은 .pdf로 끝나야 합니다')
    .optional(),
  /**
   * What the business team does with a sign-up lead, as the guide's policy says it: the 문의 내용
   * of the transfer a lead files. Absent: a neutral sentence of the server's.
   */
  transferInquiry: textSchema.optional(),
});

/** The zod schema of a guide document (current schema version). */
export const guideSchema = z.strictObject({
  schemaVersion: z.literal(guideSchemaVersion),
  id: idSchema,
  /** Content version; every consultation stores the one it used. */
  version: textSchema,
  title: textSchema,
  heading: textSchema,
  sectionTitles: z.strictObject({
    inquiryTypes: textSchema,
    transferMethods: textSchema,
    consentRule: textSchema,
    scripts: textSchema,
    tableOfContents: textSchema,
    policies: textSchema,
  }),
  /** The channels consultations on this guide run on, in the order the console offers them. */
  channels: z.array(guideChannelSchema).min(1),
  inquiryTypes: z.array(inquiryTypeSchema).min(1),
  supportLine: supportLineSchema,
  chat: chatSchema,
  transferMethods: z.array(transferMethodSchema).min(1),
  transferForm: transferFormSchema,
  record: recordSchema,
  consentRule: consentRuleSchema,
  consentNotice: consentNoticeSchema,
  policies: z.array(policySchema),
  scripts: z.array(scriptSchema).min(1),
  brochureEmail: brochureEmailSchema.optional(),
});

/** A parsed guide document. */
export type Guide = z.infer<typeof guideSchema>;
/** One script (Q1–Q4) of a guide. */
export type GuideScript = z.infer<typeof scriptSchema>;
/** Any node of a script's flow, discriminated on `type`. */
export type GuideNode = z.infer<typeof guideNodeSchema>;
export type AskNode = z.infer<typeof askNodeSchema>;
export type SayNode = z.infer<typeof sayNodeSchema>;
export type BusinessHoursNode = z.infer<typeof businessHoursNodeSchema>;
export type CollectNode = z.infer<typeof collectNodeSchema>;
export type ConsentNode = z.infer<typeof consentNodeSchema>;
export type EndNode = z.infer<typeof endNodeSchema>;
/** A channel a guide serves. */
export type GuideChannel = z.infer<typeof guideChannelSchema>;
/** One of a guide's transfer (이관) types, numbered from 1. */
export type InquiryType = z.infer<typeof inquiryTypeSchema>;
export type Policy = z.infer<typeof policySchema>;
export type ConsentNotice = z.infer<typeof consentNoticeSchema>;
export type ConsentRule = z.infer<typeof consentRuleSchema>;
/** The sign-up brochure e-mail template. */
export type BrochureEmailTemplate = z.infer<typeof brochureEmailSchema>;
export type TransferMethod = z.infer<typeof transferMethodSchema>;
/** How a script path ends. */
export type EndOutcome = z.infer<typeof endOutcomeSchema>;
/** Something the agent can hand over besides the lines, e.g. the chat-link message. */
export type Offer = z.infer<typeof offerSchema>;
/** A value an agent takes down in a collect node. */
export type CollectFieldKey = z.infer<typeof collectFieldKeySchema>;
/** A field of the consultation-record body and the transfer form. */
export type RecordFieldKey = z.infer<typeof recordFieldKeySchema>;
/** The document before zod parsing (input side; defaults not yet applied). */
export type GuideInput = z.input<typeof guideSchema>;

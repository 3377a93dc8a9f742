import type { CtiEvent } from '../../contract/cti/ctiEventSchema.ts';

/** An AMI event as the client hands it over: keys lower-cased (`event`, `uniqueid`, `cause-txt`, …). */
export type AmiEvent = Readonly<Record<string, unknown>>;

/** What the bridge remembers of a call waiting in or answered from a queue, by the caller channel's Uniqueid. */
export type AmiCall = {
  callId: string;
  from: string | undefined;
  to: string | undefined;
  queue: string | undefined;
  rung: string[];
  answered: boolean;
};

/** The calls in progress; a call leaves when its caller channel hangs up. */
export type AmiBridgeState = ReadonlyMap<string, AmiCall>;

const text = (event: AmiEvent, key: string): string | undefined => {
  const value = event[key];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * The extension of a queue member's interface, as agents' profiles hold it: 'PJSIP/1002' → '1002',
 * 'SIP/1002-0000000a' → '1002', 'Local/1002@from-queue/n' → '1002'.
 */
export function extensionOfInterface(iface: string): string {
  const afterTech = iface.includes('/') ? iface.slice(iface.indexOf('/') + 1) : iface;
  return afterTech.split(/[@/]/)[0]?.replace(/-[0-9a-f]{8}$/i, '') ?? afterTech;
}

/**
 * A Q.850 hangup cause (Asterisk's `Cause`) of a call nobody answered, in Zammad's words: the caller
 * gave up (16, normal clearing, before an answer: `cancel`), 17 `busy`, 18/19/21 `noAnswer`,
 * 1/3 `notFound`, 34/38/42 `congestion`.
 */
export function unansweredHangupCause(cause: string | undefined): string {
  switch (Number(cause)) {
    case 17:
      return 'busy';
    case 18:
    case 19:
    case 21:
      return 'noAnswer';
    case 1:
    case 3:
      return 'notFound';
    case 34:
    case 38:
    case 42:
      return 'congestion';
    default:
      return 'cancel';
  }
}

// A display number of Asterisk's CallerIDNum ('<unknown>', empty and 'anonymous' are the same thing).
const callerNumber = (value: string | undefined): string =>
  value === undefined || value === '<unknown>' || value === '' ? 'anonymous' : value;

/**
 * Turns one AMI event of Asterisk's queues into the generic CTI events it means (none for most
 * events), so an Asterisk call reaches the same service as any Zammad-style PBX bridge:
 * - `QueueCallerJoin` → newCall (from the caller, to the dialled extension, the queue);
 * - `AgentCalled` → newCall again with the agent rung added (the first one counts: newCall repeats change nothing);
 * - `AgentConnect` → answer, `answeringNumber` the member's extension (PJSIP/1002 → 1002);
 * - `QueueCallerAbandon` → hangup `cancel` (the caller gave up waiting);
 * - `Hangup` of the caller's channel → hangup (`normalClearing` after an answer, else by its Q.850 cause).
 * Pure: returns the next state and the events to send, in order.
 */
export function translateAmiEvent(
  state: AmiBridgeState,
  event: AmiEvent,
): { state: AmiBridgeState; send: CtiEvent[] } {
  const name = text(event, 'event')?.toLowerCase();
  const uniqueid = text(event, 'uniqueid');
  if (!name || !uniqueid) return { state, send: [] };
  const known = state.get(uniqueid);
  const next = new Map(state);
  const base = (call: AmiCall) => ({
    direction: 'in' as const,
    callId: call.callId,
    from: call.from ?? 'anonymous',
    ...(call.to ? { to: call.to } : {}),
    ...(call.queue ? { queue: call.queue } : {}),
  });
  const joined = (): AmiCall =>
    known ?? {
      callId: uniqueid,
      from: callerNumber(text(event, 'calleridnum')),
      to: text(event, 'exten') ?? undefined,
      queue: text(event, 'queue'),
      rung: [],
      answered: false,
    };
  switch (name) {
    case 'queuecallerjoin': {
      if (known) return { state, send: [] };
      const call = joined();
      next.set(uniqueid, call);
      return { state: next, send: [{ event: 'newCall', ...base(call) }] };
    }
    case 'agentcalled': {
      const member = text(event, 'membername') ?? text(event, 'interface');
      const call = joined();
      const rung = member && !call.rung.includes(member) ? [...call.rung, member] : call.rung;
      const updated = { ...call, rung };
      next.set(uniqueid, updated);
      return { state: next, send: [{ event: 'newCall', ...base(updated), user: rung }] };
    }
    case 'agentconnect': {
      const iface = text(event, 'interface');
      const call = joined();
      if (call.answered) return { state, send: [] };
      const member = text(event, 'membername');
      next.set(uniqueid, { ...call, answered: true });
      return {
        state: next,
        send: [
          {
            event: 'answer',
            ...base(call),
            ...(member ? { user: member } : {}),
            ...(iface ? { answeringNumber: extensionOfInterface(iface) } : {}),
          },
        ],
      };
    }
    case 'queuecallerabandon': {
      if (!known || known.answered) return { state, send: [] };
      next.delete(uniqueid);
      return { state: next, send: [{ event: 'hangup', ...base(known), cause: 'cancel' }] };
    }
    case 'hangup': {
      if (!known) return { state, send: [] };
      next.delete(uniqueid);
      const cause = known.answered ? 'normalClearing' : unansweredHangupCause(text(event, 'cause'));
      return { state: next, send: [{ event: 'hangup', ...base(known), cause }] };
    }
    default:
      return { state, send: [] };
  }
}

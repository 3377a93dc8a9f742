import { describe, expect, it } from 'vitest';
import { extensionOfInterface, translateAmiEvent, unansweredHangupCause } from './translateAmiEvent.ts';

describe('translateAmiEvent', () => {
  const join = {
    event: 'QueueCallerJoin',
    uniqueid: '1.1',
    calleridnum: '01012345678',
    exten: '16447391',
    queue: 'business',
  };

  it('turns a queue call answered by a member into newCall, answer and a normal hangup', () => {
    let state = translateAmiEvent(new Map(), join).state;
    const called = translateAmiEvent(state, {
      event: 'AgentCalled',
      uniqueid: '1.1',
      interface: 'PJSIP/1002',
      membername: '최상담',
    });
    expect(called.send).toEqual([
      {
        event: 'newCall',
        direction: 'in',
        callId: '1.1',
        from: '01012345678',
        to: '16447391',
        queue: 'business',
        user: ['최상담'],
      },
    ]);
    state = called.state;
    const connect = translateAmiEvent(state, {
      event: 'AgentConnect',
      uniqueid: '1.1',
      interface: 'PJSIP/1002',
      membername: '최상담',
    });
    expect(connect.send[0]).toMatchObject({ event: 'answer', answeringNumber: '1002', user: '최상담' });
    const hangup = translateAmiEvent(connect.state, { event: 'Hangup', uniqueid: '1.1', cause: '16' });
    expect(hangup.send[0]).toMatchObject({ event: 'hangup', cause: 'normalClearing' });
    expect(hangup.state.size).toBe(0);
  });

  it('reports a caller who gave up as cancel, once', () => {
    const state = translateAmiEvent(new Map(), join).state;
    const abandon = translateAmiEvent(state, { event: 'QueueCallerAbandon', uniqueid: '1.1' });
    expect(abandon.send).toEqual([expect.objectContaining({ event: 'hangup', cause: 'cancel' })]);
    expect(translateAmiEvent(abandon.state, { event: 'Hangup', uniqueid: '1.1', cause: '16' }).send).toEqual(
      [],
    );
  });

  it('ignores other channels and events', () => {
    const state = translateAmiEvent(new Map(), join).state;
    expect(translateAmiEvent(state, { event: 'Hangup', uniqueid: '1.2', cause: '26' }).send).toEqual([]);
    expect(translateAmiEvent(state, { event: 'VarSet', uniqueid: '1.1' }).send).toEqual([]);
  });

  it('reads extensions and causes as Zammad names them', () => {
    expect(extensionOfInterface('PJSIP/1002')).toBe('1002');
    expect(extensionOfInterface('SIP/1002-0000000a')).toBe('1002');
    expect(extensionOfInterface('Local/1002@from-queue/n')).toBe('1002');
    expect(unansweredHangupCause('17')).toBe('busy');
    expect(unansweredHangupCause('19')).toBe('noAnswer');
    expect(unansweredHangupCause('16')).toBe('cancel');
  });
});

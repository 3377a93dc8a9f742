import { isTypingTarget } from '../lib/isTypingTarget.ts';
import { isTextKey, type QueuedKey } from './keyboardQueue.ts';

/** Key events the console dispatched itself: the queue lets them through. */
const replayedEvents = new WeakSet<Event>();

/** Whether a keydown is one the console replayed from its queue. */
export function isReplayedKey(event: Event): boolean {
  return replayedEvents.has(event);
}

/**
 * Applies a held key where focus is now, as if typed there: a keydown for the step's handlers,
 * and when nothing handled it, the default a browser would have performed — the character typed
 * into a field, Backspace deleting, Enter or Space pressing a focused button.
 */
export function replayKey(key: QueuedKey): void {
  const target = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
  const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true, composed: true });
  replayedEvents.add(event);
  const notHandled = target.dispatchEvent(event);
  if (!notHandled) return;
  if (isTypingTarget(target)) {
    // execCommand goes through the browser's editing, so React sees a normal input event and undo works.
    if (isTextKey(key)) document.execCommand('insertText', false, key.key);
    else if (key.key === 'Backspace') document.execCommand('delete');
    return;
  }
  if ((key.key === 'Enter' || key.key === ' ') && target instanceof HTMLButtonElement) target.click();
}

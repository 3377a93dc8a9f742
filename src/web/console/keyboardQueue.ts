/** A key press held while a step was changing, with what is needed to apply it again. */
export type QueuedKey = {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
};

/** The parts of a keydown the queue reads (a DOM KeyboardEvent has them all). */
export type KeyPress = QueuedKey & { isComposing: boolean; repeat: boolean };

// Modifiers alone do nothing; Tab moves focus natively (a replayed one would not).
const passThroughKeys = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Tab', 'Process', 'Dead']);

/**
 * Whether a key press is held while a step changes. A key that is part of an IME composition
 * (한글 being assembled) must reach the input method unchanged, so it is never held; neither are
 * modifiers alone, Tab and auto-repeats of a held-down key.
 */
export function isQueueableKey(press: KeyPress): boolean {
  return !press.isComposing && !press.repeat && !passThroughKeys.has(press.key);
}

/** The queued form of a key press. */
export function toQueuedKey(press: KeyPress): QueuedKey {
  return {
    key: press.key,
    code: press.code,
    ctrlKey: press.ctrlKey,
    shiftKey: press.shiftKey,
    altKey: press.altKey,
    metaKey: press.metaKey,
  };
}

/** Whether a key types a character into a text field when nothing handles it. */
export function isTextKey(key: QueuedKey): boolean {
  return [...key.key].length === 1 && !key.ctrlKey && !key.altKey && !key.metaKey;
}

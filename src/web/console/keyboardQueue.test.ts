import { describe, expect, it } from 'vitest';
import { isQueueableKey, isTextKey, type KeyPress, toQueuedKey } from './keyboardQueue.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: '',
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  isComposing: false,
  repeat: false,
  ...extra,
});

describe('keyboard queue keys', () => {
  it('holds commands and characters, never IME composition, modifiers alone, Tab or repeats', () => {
    for (const key of ['Enter', '1', 'y', 'ㅛ', 'Backspace', 'Escape', '가'])
      expect(isQueueableKey(press(key))).toBe(true);
    expect(isQueueableKey(press('Enter', { ctrlKey: true }))).toBe(true);
    for (const key of ['Shift', 'Control', 'Alt', 'Meta', 'Tab', 'Process'])
      expect(isQueueableKey(press(key))).toBe(false);
    expect(isQueueableKey(press('ㄱ', { isComposing: true }))).toBe(false);
    expect(isQueueableKey(press('y', { repeat: true }))).toBe(false);
  });

  it('keeps key, code and modifiers', () => {
    expect(toQueuedKey(press('ㅛ', { code: 'KeyY', shiftKey: true }))).toEqual({
      key: 'ㅛ',
      code: 'KeyY',
      ctrlKey: false,
      shiftKey: true,
      altKey: false,
      metaKey: false,
    });
  });

  it('types a character only for a printable key without Ctrl, Alt or Meta', () => {
    expect(isTextKey(toQueuedKey(press('a')))).toBe(true);
    expect(isTextKey(toQueuedKey(press('가')))).toBe(true);
    expect(isTextKey(toQueuedKey(press('Enter')))).toBe(false);
    expect(isTextKey(toQueuedKey(press('k', { ctrlKey: true })))).toBe(false);
  });
});

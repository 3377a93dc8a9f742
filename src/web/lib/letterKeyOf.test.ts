import { describe, expect, it } from 'vitest';
import { flowKeyOf } from './flowKeyOf.ts';
import { type LetterKeyPress, letterKeyOf } from './letterKeyOf.ts';

const press = (key: string, code: string, modifiers: Partial<LetterKeyPress> = {}): LetterKeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe('letterKeyOf', () => {
  it('reads a Latin letter in either case (Shift, Caps Lock)', () => {
    expect(letterKeyOf(press('j', 'KeyJ'))).toBe('j');
    expect(letterKeyOf(press('J', 'KeyJ'))).toBe('j');
    expect(letterKeyOf(press('K', 'KeyK'))).toBe('k');
  });

  it('reads the 2-set jamo a key types with the IME in 한글, shifted jamo included', () => {
    const cases: [string, string, string][] = [
      ['ㅓ', 'KeyJ', 'j'],
      ['ㅏ', 'KeyK', 'k'],
      ['ㅡ', 'KeyM', 'm'],
      ['ㅐ', 'KeyO', 'o'],
      ['ㅒ', 'KeyO', 'o'],
      ['ㅇ', 'KeyD', 'd'],
      ['ㄴ', 'KeyS', 's'],
      ['ㅅ', 'KeyT', 't'],
      ['ㅆ', 'KeyT', 't'],
      ['ㅕ', 'KeyU', 'u'],
      ['ㄱ', 'KeyR', 'r'],
      ['ㄲ', 'KeyR', 'r'],
      ['ㅌ', 'KeyX', 'x'],
      ['ㅊ', 'KeyC', 'c'],
    ];
    for (const [key, code, letter] of cases) expect(letterKeyOf(press(key, code))).toBe(letter);
    // Even when the browser does not say which physical key it was.
    expect(letterKeyOf(press('ㅓ', ''))).toBe('j');
  });

  it('falls back to the physical key when the key names no readable character', () => {
    expect(letterKeyOf(press('Process', 'KeyJ'))).toBe('j');
    expect(letterKeyOf(press('о', 'KeyJ'))).toBe('j');
  });

  it('keeps the layout’s own letter and ignores printable non-letters', () => {
    // Dvorak: the physical KeyJ types 'h', KeyZ types ';'.
    expect(letterKeyOf(press('h', 'KeyJ'))).toBe('h');
    expect(letterKeyOf(press(';', 'KeyZ'))).toBeNull();
  });

  it('is not a shortcut with Ctrl, Alt or Meta, nor for non-letter keys', () => {
    expect(letterKeyOf(press('j', 'KeyJ', { ctrlKey: true }))).toBeNull();
    expect(letterKeyOf(press('ㅓ', 'KeyJ', { altKey: true }))).toBeNull();
    expect(letterKeyOf(press('j', 'KeyJ', { metaKey: true }))).toBeNull();
    expect(letterKeyOf(press('Enter', 'Enter'))).toBeNull();
    expect(letterKeyOf(press('ArrowDown', 'ArrowDown'))).toBeNull();
    expect(letterKeyOf(press('1', 'Digit1'))).toBeNull();
  });
});

describe('flowKeyOf', () => {
  const flow = (key: string, code: string) => flowKeyOf(press(key, code));

  it('reads Y/N in 한글 mode and with Caps Lock as it reads y/n', () => {
    expect(flow('ㅛ', 'KeyY')).toBe('y');
    expect(flow('ㅜ', 'KeyN')).toBe('n');
    expect(flow('Y', 'KeyY')).toBe('y');
    expect(flow('n', 'KeyN')).toBe('n');
    expect(flow('j', 'KeyJ')).toBeNull();
    expect(flow('Enter', 'Enter')).toBe('Enter');
  });
});

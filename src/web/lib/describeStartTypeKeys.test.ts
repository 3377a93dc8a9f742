import { describe, expect, it } from 'vitest';
import { addMessages } from '../i18n/catalogue.ts';
import { consoleMessages } from '../i18n/messages/console.ts';
import { translate } from '../i18n/translate.ts';
import { describeStartTypeKeys } from './describeStartTypeKeys.ts';

addMessages(consoleMessages);
const english = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);

describe('describeStartTypeKeys', () => {
  it('says a number picks at once only where it does: one guide of up to nine types', () => {
    expect(describeStartTypeKeys(1, 9, english)).toBe(
      'an inquiry type’s number starts the consultation on that type at once',
    );
    expect(describeStartTypeKeys(1, 12, english)).toContain(
      'the first digit of a two-digit number (types up to 12)',
    );
    expect(describeStartTypeKeys(2, 10, english)).toContain('in each of the 2 guides');
  });
});

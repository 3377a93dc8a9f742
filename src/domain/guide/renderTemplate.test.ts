import { describe, expect, it } from 'vitest';
import { findTemplateVariables } from './findTemplateVariables.ts';
import { renderTemplate } from './renderTemplate.ts';

describe('renderTemplate', () => {
  const values: Record<string, string> = { 'supportLine.phone': '1644-7391', summary: '가입 문의' };
  const resolve = (name: string): string | undefined => values[name];

  it('replaces known variables, tolerating spaces inside the braces', () => {
    expect(renderTemplate('상담센터 {{supportLine.phone}} / {{ summary }}', resolve)).toEqual({
      text: '상담센터 1644-7391 / 가입 문의',
      missing: [],
    });
  });

  it('reports unknown variables and leaves their placeholders', () => {
    expect(renderTemplate('{{nope.x}} 그리고 {{summary}}', resolve)).toEqual({
      text: '{{nope.x}} 그리고 가입 문의',
      missing: ['nope.x'],
    });
  });

  it('leaves text without placeholders alone and finds variables in order', () => {
    expect(renderTemplate('확인 감사합니다. {단일 괄호}', resolve).text).toBe('확인 감사합니다. {단일 괄호}');
    expect(findTemplateVariables('{{a.b}} x {{c}} {{a.b}}')).toEqual(['a.b', 'c', 'a.b']);
  });
});

import { kakaoLimits } from '../../contract/kakao/kakaoLimits.ts';
import type { Guide } from '../guide/guideSchema.ts';
import { renderTemplate } from '../guide/renderTemplate.ts';
import { resolveGuideVariable } from '../guide/resolveGuideVariable.ts';
import { scriptChannels } from '../guide/scriptChannels.ts';

/** A place in the guide that KakaoTalk could not show, by JSON pointer. */
export type KakaoLimitIssue = { pointer: string; message: string };

/**
 * Checks what the KakaoTalk chatbot would send from a guide against Kakao's limits, for the
 * scripts read on chat: a node's sentences go out as one bubble (at most 1,000 characters), the
 * consent notice too, and each chat inquiry type becomes a quick-reply button whose label
 * (`chatLabel`, else `label`) has at most 14 characters. A guide without the chat channel is not
 * checked. Reported like any guide error, so a guide that breaks them never loads.
 */
export function checkKakaoLimits(guide: Guide): KakaoLimitIssue[] {
  if (!guide.channels.some((channel) => channel.id === 'chat')) return [];
  const issues: KakaoLimitIssue[] = [];
  const render = (line: string) => renderTemplate(line, (name) => resolveGuideVariable(guide, name)).text;
  const tooLong = (length: number) => `카카오톡 말풍선은 ${kakaoLimits.textLength}자까지입니다 (${length}자)`;
  const chatScripts = guide.scripts.filter((script) => scriptChannels(guide, script).includes('chat'));
  guide.scripts.forEach((script, scriptIndex) => {
    if (!chatScripts.includes(script)) return;
    script.nodes.forEach((node, nodeIndex) => {
      if (!('lines' in node)) return;
      const text = node.lines.map(render).join('\n');
      if (text.length > kakaoLimits.textLength)
        issues.push({
          pointer: `/scripts/${scriptIndex}/nodes/${nodeIndex}/lines`,
          message: tooLong(text.length),
        });
    });
  });
  if (chatScripts.length > 0 && guide.consentNotice.text.length > kakaoLimits.textLength)
    issues.push({ pointer: '/consentNotice/text', message: tooLong(guide.consentNotice.text.length) });
  guide.inquiryTypes.forEach((type, index) => {
    if (!chatScripts.some((script) => script.id === type.scriptId)) return;
    const label = type.chatLabel ?? type.label;
    if (label.length > kakaoLimits.labelLength)
      issues.push({
        pointer: `/inquiryTypes/${index}/${type.chatLabel === undefined ? 'label' : 'chatLabel'}`,
        message: `카카오톡 버튼 이름은 ${kakaoLimits.labelLength}자까지입니다 (${label.length}자): 채팅용 chatLabel을 짧게 두세요`,
      });
  });
  return issues;
}

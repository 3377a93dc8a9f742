import type { Guide } from './guideSchema.ts';
import { renderTemplate } from './renderTemplate.ts';
import { resolveGuideVariable } from './resolveGuideVariable.ts';

/**
 * Renders the whole guide as plain text in the seed's section order, templates resolved: the
 * printable view, the text a search index can use, and what the seed-coverage test reads.
 */
export function renderGuideText(guide: Guide): string {
  const render = (line: string): string =>
    renderTemplate(line, (name) => resolveGuideVariable(guide, name)).text;
  const { supportLine, chat, transferForm, record, consentRule, consentNotice, sectionTitles } = guide;
  const out: string[] = [guide.title, guide.heading, ''];

  out.push(
    sectionTitles.inquiryTypes,
    ...guide.inquiryTypes.map((type) => `${type.number}. ${type.description}`),
    '',
  );

  const titleExample = renderTemplate(record.titleTemplate, (name) =>
    name === 'summary' ? record.summaryPlaceholder : '',
  ).text;
  const methodDetails: Record<string, string[]> = {
    'support-line': [
      `${supportLine.name} : ${supportLine.phone} (${supportLine.hours.label})`,
      supportLine.caveat,
      `${chat.name} ${chat.url}`,
    ],
    'after-hours-transfer': [
      `${transferForm.board.name} : ${transferForm.board.url}`,
      `글양식 : ${transferForm.formName}`,
      `*${transferForm.mentionInstruction}`,
      `(${transferForm.fields.map((field) => field.label).join(' / ')})`,
    ],
    'consultation-record': [
      `■ ${record.categoryLabel} : ${record.categoryPath.join(' > ')}`,
      `■ ${record.titleLabel} : ${titleExample}`,
      `■ ${record.bodyLabel}`,
      ...record.bodyFields.map((field) => `ㄴ ${field.label} : `),
    ],
  };
  out.push(sectionTitles.transferMethods);
  for (const method of guide.transferMethods)
    out.push(`${method.marker} ${method.text}`, ...(methodDetails[method.id] ?? []));
  out.push('');

  out.push(sectionTitles.consentRule);
  for (const line of consentRule.lines) out.push(`${line.number}. ${line.text}`, ...line.subLines);
  out.push('');

  out.push(sectionTitles.scripts, sectionTitles.tableOfContents);
  out.push(
    ...[...guide.scripts]
      .sort((a, b) => a.number - b.number)
      .map((script) => `${script.number}. ${script.title}`),
    '',
  );
  for (const script of guide.scripts) {
    out.push(
      `Q${script.number}. (${script.audience}) ${script.customerQuestions.join('  ')}`,
      `A${script.number}.`,
    );
    for (const node of script.nodes) {
      if ('lines' in node) out.push(...node.lines.map(render));
      if (node.type === 'consent') out.push(consentNotice.text);
      if (node.type === 'end' && node.showSupportLineCaveat) out.push(supportLine.caveat);
      if (node.type === 'end')
        for (const offer of node.offers) if (offer === 'chat-link') out.push(chat.offerLabel, chat.message);
    }
    out.push('');
  }

  out.push(`[${sectionTitles.policies}]`);
  for (const policy of guide.policies) {
    out.push(`${policy.marker} ${policy.title}`);
    for (const item of policy.items)
      out.push(`- ${item.text}`, ...item.details.map((detail) => `ㄴ ${detail}`));
  }
  return out.join('\n');
}

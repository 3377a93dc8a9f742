import type { Guide } from '../guide/guideSchema.ts';
import { renderTemplate } from '../guide/renderTemplate.ts';
import { resolveGuideVariable } from '../guide/resolveGuideVariable.ts';
import type { SearchDocument } from './searchTypes.ts';

/**
 * Turns a guide into search documents: the nine inquiry types, each script (Q1–Q4) with its
 * customer questions, every line the agent says (templates resolved, so 1644-7391 is findable),
 * the chat-link message, the support line and transfer methods, the consent rule and each
 * policy note. Entries that belong to a script carry its `scriptId`, so opening a result can
 * start that script.
 */
export function guideSearchDocuments(guide: Guide): SearchDocument[] {
  const render = (line: string): string =>
    renderTemplate(line, (name) => resolveGuideVariable(guide, name)).text;
  const docs: SearchDocument[] = [];

  for (const type of guide.inquiryTypes) {
    docs.push({
      id: `inquiry-type:${type.number}`,
      kind: 'inquiry-type',
      title: `${type.number}. ${type.label}`,
      text: type.description,
      scriptId: type.scriptId,
      inquiryType: type.number,
    });
  }

  for (const script of guide.scripts) {
    const code = `Q${script.number}`;
    docs.push({
      id: `script:${script.id}`,
      kind: 'script',
      title: `${code}. ${script.title}`,
      text: [`(${script.audience})`, ...script.customerQuestions].join('\n'),
      scriptId: script.id,
    });
    for (const node of script.nodes) {
      const lines = 'lines' in node ? node.lines.map(render) : [];
      // The consent node speaks the notice, which lives once at guide level.
      if (node.type === 'consent') lines.push(guide.consentNotice.text);
      lines.forEach((line, i) => {
        docs.push({
          id: `sentence:${script.id}:${node.id}:${i}`,
          kind: 'sentence',
          title: `${code} › ${node.label}`,
          text: line,
          scriptId: script.id,
        });
      });
    }
  }

  docs.push({ id: 'message:chat', kind: 'message', title: guide.chat.offerLabel, text: guide.chat.message });

  const { supportLine, transferForm } = guide;
  docs.push({
    id: 'policy:support-line',
    kind: 'policy',
    title: supportLine.name,
    text: `${supportLine.phone} (${supportLine.hours.label})\n${supportLine.caveat}`,
  });
  for (const method of guide.transferMethods) {
    const details =
      method.id === 'after-hours-transfer'
        ? [transferForm.board.name, `글양식 : ${transferForm.formName}`, transferForm.mentionInstruction]
        : [];
    docs.push({
      id: `policy:transfer-method:${method.id}`,
      kind: 'policy',
      title: `${guide.sectionTitles.transferMethods} ${method.marker}`,
      text: [method.text, ...details].join('\n'),
    });
  }
  for (const line of guide.consentRule.lines) {
    docs.push({
      id: `policy:consent-rule:${line.id}`,
      kind: 'policy',
      title: guide.sectionTitles.consentRule,
      text: [line.text, ...line.subLines].join('\n'),
    });
  }
  for (const policy of guide.policies) {
    // A policy opens the script that cites it, when one does.
    const script = guide.scripts.find((s) => s.policyIds.includes(policy.id));
    for (const item of policy.items) {
      docs.push({
        id: `policy:${policy.id}:${item.id}`,
        kind: 'policy',
        title: `${policy.marker} ${policy.title}`,
        text: [item.text, ...item.details].join('\n'),
        ...(script === undefined ? {} : { scriptId: script.id }),
      });
    }
  }
  return docs;
}

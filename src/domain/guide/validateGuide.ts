import { checkKakaoLimits } from '../kakao/checkKakaoLimits.ts';
import { findTemplateVariables } from './findTemplateVariables.ts';
import { brochureEmailVariables, type Guide, type GuideNode, type GuideScript } from './guideSchema.ts';
import { listNodeEdges } from './listNodeEdges.ts';
import { resolveGuideVariable } from './resolveGuideVariable.ts';

/** A problem in a guide, located by JSON pointer (parseGuide adds file and line). */
export type GuideIssue = { pointer: string; message: string };

// Fields that identify a person or company; taking them down is new collection (section 3), so
// the notice must have been read and agreed first.
const personalFieldKeys = new Set(['companyName', 'contactName', 'phone', 'email']);

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function findDuplicates<T>(
  values: readonly T[],
  keyOf: (value: T) => string | number,
  pointerOf: (index: number) => string,
  what: string,
): GuideIssue[] {
  const seen = new Map<string | number, number>();
  const issues: GuideIssue[] = [];
  values.forEach((value, index) => {
    const key = keyOf(value);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      issues.push({
        pointer: pointerOf(index),
        message: `${what} "${key}" 중복 (${pointerOf(first)}에 이미 있음)`,
      });
  });
  return issues;
}

function validateScriptGraph(
  guide: Guide,
  script: GuideScript,
  scriptIndex: number,
  ownerOf: Map<string, string>,
): GuideIssue[] {
  const issues: GuideIssue[] = [];
  const base = `/scripts/${scriptIndex}`;
  const byId = new Map<string, { node: GuideNode; index: number }>();
  script.nodes.forEach((node, index) => {
    if (!byId.has(node.id)) byId.set(node.id, { node, index });
  });
  const nodePointer = (id: string): string => `${base}/nodes/${byId.get(id)?.index ?? 0}`;

  const start = byId.get(script.start);
  if (!start) {
    const owner = ownerOf.get(script.start);
    issues.push({
      pointer: `${base}/start`,
      message: owner
        ? `다른 스크립트(${owner})의 노드 "${script.start}"에서 시작할 수 없습니다`
        : `존재하지 않는 시작 노드 "${script.start}"`,
    });
  } else if (start.node.type === 'businessHours') {
    issues.push({
      pointer: `${base}/start`,
      message: `시작 노드 "${script.start}"는 상담사가 말할 수 있는 노드여야 합니다 (businessHours 불가)`,
    });
  }

  for (const [index, node] of script.nodes.entries()) {
    for (const edge of listNodeEdges(node)) {
      if (byId.has(edge.target)) continue;
      const owner = ownerOf.get(edge.target);
      issues.push({
        pointer: `${base}/nodes/${index}/${edge.answer}`,
        message: owner
          ? `다른 스크립트(${owner})의 노드 "${edge.target}"는 가리킬 수 없습니다`
          : `존재하지 않는 노드 "${edge.target}"`,
      });
    }
  }

  // Unreachable: not visited from the start.
  if (start) {
    const reached = new Set<string>([script.start]);
    const queue = [script.start];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const entry = byId.get(id);
      if (!entry) continue;
      for (const edge of listNodeEdges(entry.node)) {
        if (byId.has(edge.target) && !reached.has(edge.target)) {
          reached.add(edge.target);
          queue.push(edge.target);
        }
      }
    }
    script.nodes.forEach((node, index) => {
      if (!reached.has(node.id)) {
        issues.push({
          pointer: `${base}/nodes/${index}`,
          message: `도달할 수 없는 노드 "${node.id}" (시작 "${script.start}"에서 가는 경로가 없음)`,
        });
      }
    });
  }

  // Dead ends: a node from which no end node can be reached (every path must finish).
  const reachesEnd = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of script.nodes) {
      if (reachesEnd.has(node.id)) continue;
      if (node.type === 'end' || listNodeEdges(node).some((edge) => reachesEnd.has(edge.target))) {
        reachesEnd.add(node.id);
        changed = true;
      }
    }
  }
  // A node with a missing target is already reported above; saying "dead end" too would be noise.
  script.nodes.forEach((node, index) => {
    const hasMissingTarget = listNodeEdges(node).some((edge) => !byId.has(edge.target));
    if (!reachesEnd.has(node.id) && !hasMissingTarget) {
      issues.push({
        pointer: `${base}/nodes/${index}`,
        message: `막다른 노드 "${node.id}": 어떤 경로로도 end 노드에 도달하지 못합니다`,
      });
    }
  });

  // Cycles would make a call loop forever and the set of paths infinite.
  const state = new Map<string, 'visiting' | 'done'>();
  const reportedCycles = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    const entry = byId.get(id);
    if (!entry) return;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...cycle].sort().join(',');
      if (!reportedCycles.has(key)) {
        reportedCycles.add(key);
        issues.push({ pointer: nodePointer(id), message: `순환 경로: ${cycle.join(' → ')}` });
      }
      return;
    }
    state.set(id, 'visiting');
    for (const edge of listNodeEdges(entry.node)) visit(edge.target, [...trail, id]);
    state.set(id, 'done');
  };
  for (const node of script.nodes) visit(node.id, []);

  // Personal data may only be taken right after the consent notice was agreed to.
  script.nodes.forEach((node, index) => {
    if (node.type !== 'collect') return;
    const personal = node.fields.filter((field) => personalFieldKeys.has(field.key));
    if (personal.length === 0) return;
    for (const other of script.nodes) {
      for (const edge of listNodeEdges(other)) {
        if (edge.target === node.id && !(other.type === 'consent' && edge.answer === 'agreed')) {
          issues.push({
            pointer: `${base}/nodes/${index}`,
            message: `개인정보(${personal.map((field) => field.label).join(', ')})를 받는 노드 "${node.id}"는 동의(consent) 노드의 agreed 다음에만 올 수 있습니다 ("${other.id}"의 ${edge.answer}에서 옴)`,
          });
        }
      }
    }
    node.fields.forEach((field, fieldIndex) => {
      if (personalFieldKeys.has(field.key) && !guide.consentNotice.items.includes(field.label)) {
        issues.push({
          pointer: `${base}/nodes/${index}/fields/${fieldIndex}/label`,
          message: `동의 안내의 수집 항목(${guide.consentNotice.items.join('/')})에 없는 항목 "${field.label}"`,
        });
      }
    });
  });
  return issues;
}

function validateNode(
  guide: Guide,
  node: GuideNode,
  pointer: string,
  policyIds: Set<string>,
  methodIds: Set<string>,
): GuideIssue[] {
  const issues: GuideIssue[] = [];
  node.policyIds.forEach((policyId, index) => {
    if (!policyIds.has(policyId))
      issues.push({ pointer: `${pointer}/policyIds/${index}`, message: `존재하지 않는 정책 "${policyId}"` });
  });
  if ('lines' in node) {
    node.lines.forEach((line, index) => {
      for (const name of findTemplateVariables(line)) {
        if (resolveGuideVariable(guide, name) === undefined) {
          issues.push({
            pointer: `${pointer}/lines/${index}`,
            message: `정의되지 않은 템플릿 변수 "{{${name}}}"`,
          });
        }
      }
      if (
        findTemplateVariables(line).includes('supportLine.phone') &&
        !(node.type === 'end' && node.showSupportLineCaveat)
      ) {
        issues.push({
          pointer: `${pointer}/lines/${index}`,
          message:
            '상담센터 번호를 안내하는 노드는 showSupportLineCaveat: true 인 end 노드여야 합니다 (미등록 연락처 연결 불가 안내)',
        });
      }
    });
  }
  if (node.type === 'businessHours') {
    for (const field of ['openMethod', 'closedMethod'] as const) {
      if (!methodIds.has(node[field]))
        issues.push({ pointer: `${pointer}/${field}`, message: `존재하지 않는 이관 방법 "${node[field]}"` });
    }
  }
  if (node.type === 'consent' && node.noticeId !== guide.consentNotice.id) {
    issues.push({
      pointer: `${pointer}/noticeId`,
      message: `존재하지 않는 동의 안내 "${node.noticeId}" (있는 것: "${guide.consentNotice.id}")`,
    });
  }
  if (node.type === 'end' && node.outcome === 'support-line' && !node.showSupportLineCaveat) {
    issues.push({
      pointer: `${pointer}/showSupportLineCaveat`,
      message:
        '상담센터 안내(support-line)로 끝나는 노드는 미등록 연락처 안내(showSupportLineCaveat)를 보여야 합니다',
    });
  }
  return issues;
}

function validateConsentNotice(guide: Guide): GuideIssue[] {
  const notice = guide.consentNotice;
  const text = squash(notice.text);
  const issues: GuideIssue[] = [];
  const require = (part: string, pointer: string, what: string): void => {
    if (!text.includes(squash(part)))
      issues.push({ pointer, message: `동의 안내문(text)에 ${what} "${part}"이(가) 없습니다` });
  };
  require(notice.purpose, '/consentNotice/purpose', '수집 목적');
  notice.items.forEach((item, index) => {
    require(item, `/consentNotice/items/${index}`, '수집 항목');
  });
  // One bracketed list, so a collection of fewer items can name just those (consentNoticeFor).
  const list = `[${notice.items.join('/')}]`;
  if (!notice.text.includes(list))
    issues.push({
      pointer: '/consentNotice/items',
      message: `동의 안내문(text)에 수집 항목 목록 "${list}"이(가) 그대로 없습니다`,
    });
  require(`${notice.retention.years}년`, '/consentNotice/retention/years', '보유 기간');
  require(notice.retention.basis, '/consentNotice/retention/basis', '보유 근거');
  require(notice.rightToRefuse, '/consentNotice/rightToRefuse', '거부 권리 및 불이익');
  return issues;
}

/**
 * Checks what the schema cannot: references between parts (next ids, scripts, policies, notice),
 * that every path of every script reaches an end with no dead end, unreachable node or cycle,
 * that template variables exist, that ids are unique, and that the consent notice states its
 * purpose, items, retention and the right to refuse. Returns every issue found, empty when valid.
 */
export function validateGuide(guide: Guide): GuideIssue[] {
  const issues: GuideIssue[] = [];
  const allNodes = guide.scripts.flatMap((script, scriptIndex) =>
    script.nodes.map((node, nodeIndex) => ({
      node,
      pointer: `/scripts/${scriptIndex}/nodes/${nodeIndex}`,
      scriptId: script.id,
    })),
  );
  issues.push(
    ...findDuplicates(
      guide.inquiryTypes,
      (type) => type.number,
      (i) => `/inquiryTypes/${i}/number`,
      '이관 유형 번호',
    ),
    ...findDuplicates(
      guide.scripts,
      (script) => script.id,
      (i) => `/scripts/${i}/id`,
      '스크립트 id',
    ),
    ...findDuplicates(
      guide.scripts,
      (script) => script.number,
      (i) => `/scripts/${i}/number`,
      '스크립트 번호',
    ),
    ...findDuplicates(
      allNodes,
      (entry) => entry.node.id,
      (i) => `${allNodes[i]?.pointer ?? ''}/id`,
      '노드 id',
    ),
    ...findDuplicates(
      guide.policies,
      (policy) => policy.id,
      (i) => `/policies/${i}/id`,
      '정책 id',
    ),
    ...findDuplicates(
      guide.transferMethods,
      (method) => method.id,
      (i) => `/transferMethods/${i}/id`,
      '이관 방법 id',
    ),
    ...findDuplicates(
      guide.consentRule.lines,
      (line) => line.id,
      (i) => `/consentRule/lines/${i}/id`,
      '동의 기준 id',
    ),
    ...findDuplicates(
      guide.consentRule.rules,
      (rule) => rule.id,
      (i) => `/consentRule/rules/${i}/id`,
      '동의 규칙 id',
    ),
    // decideConsent takes the one rule for a caller and an action: two would be a silent choice.
    ...findDuplicates(
      guide.consentRule.rules,
      (rule) => `${rule.caller} ${rule.action}`,
      (i) => `/consentRule/rules/${i}/action`,
      '동의 규칙(고객 구분·처리)',
    ),
    ...findDuplicates(
      guide.transferForm.fields,
      (field) => field.key,
      (i) => `/transferForm/fields/${i}/key`,
      '이관 양식 항목',
    ),
    ...findDuplicates(
      guide.record.bodyFields,
      (field) => field.key,
      (i) => `/record/bodyFields/${i}/key`,
      '상담내용 항목',
    ),
  );
  const policyItems = guide.policies.flatMap((policy, policyIndex) =>
    policy.items.map((item, itemIndex) => ({
      id: item.id,
      pointer: `/policies/${policyIndex}/items/${itemIndex}/id`,
    })),
  );
  issues.push(
    ...findDuplicates(
      policyItems,
      (item) => item.id,
      (i) => policyItems[i]?.pointer ?? '',
      '정책 항목 id',
    ),
  );

  guide.inquiryTypes.forEach((type, index) => {
    if (type.number !== index + 1) {
      issues.push({
        pointer: `/inquiryTypes/${index}/number`,
        message: `이관 유형 번호는 1부터 차례로 매겨야 합니다 (${index + 1}이어야 함, ${type.number})`,
      });
    }
    if (!guide.scripts.some((script) => script.id === type.scriptId)) {
      issues.push({
        pointer: `/inquiryTypes/${index}/scriptId`,
        message: `존재하지 않는 스크립트 "${type.scriptId}"`,
      });
    }
  });

  const policyIds = new Set(guide.policies.map((policy) => policy.id));
  const methodIds = new Set(guide.transferMethods.map((method) => method.id));
  const ownerOf = new Map(allNodes.map((entry) => [entry.node.id, entry.scriptId]));
  guide.scripts.forEach((script, scriptIndex) => {
    script.policyIds.forEach((policyId, index) => {
      if (!policyIds.has(policyId))
        issues.push({
          pointer: `/scripts/${scriptIndex}/policyIds/${index}`,
          message: `존재하지 않는 정책 "${policyId}"`,
        });
    });
    script.nodes.forEach((node, nodeIndex) => {
      issues.push(
        ...validateNode(guide, node, `/scripts/${scriptIndex}/nodes/${nodeIndex}`, policyIds, methodIds),
      );
    });
    issues.push(...validateScriptGraph(guide, script, scriptIndex, ownerOf));
  });

  const lineIds = new Set(guide.consentRule.lines.map((line) => line.id));
  guide.consentRule.rules.forEach((rule, index) => {
    if (!lineIds.has(rule.lineId))
      issues.push({
        pointer: `/consentRule/rules/${index}/lineId`,
        message: `존재하지 않는 동의 기준 "${rule.lineId}"`,
      });
  });

  const recordVariables = new Set(['summary', ...guide.record.bodyFields.map((field) => field.key)]);
  for (const name of findTemplateVariables(guide.record.titleTemplate)) {
    if (!recordVariables.has(name))
      issues.push({
        pointer: '/record/titleTemplate',
        message: `정의되지 않은 템플릿 변수 "{{${name}}}" (쓸 수 있는 것: ${[...recordVariables].join(', ')})`,
      });
  }

  issues.push(...validateChannels(guide));
  issues.push(...validateConsentNotice(guide));
  issues.push(...validateBrochureEmail(guide));
  // What the KakaoTalk chatbot sends from a chat guide must fit Kakao's bubbles and buttons.
  issues.push(...checkKakaoLimits(guide));
  return issues;
}

// Channels are the guide's: scripts and the consent rule may only name channels it declares, and
// an agent on any declared channel must have at least one inquiry type to pick.
function validateChannels(guide: Guide): GuideIssue[] {
  const issues: GuideIssue[] = findDuplicates(
    guide.channels,
    (channel) => channel.id,
    (i) => `/channels/${i}/id`,
    '채널 id',
  );
  const declared = new Set(guide.channels.map((channel) => channel.id));
  const known = guide.channels.map((channel) => channel.id).join(', ');
  guide.scripts.forEach((script, scriptIndex) => {
    script.channels?.forEach((channel, index) => {
      if (!declared.has(channel))
        issues.push({
          pointer: `/scripts/${scriptIndex}/channels/${index}`,
          message: `가이드에 없는 채널 "${channel}" (있는 것: ${known})`,
        });
    });
  });
  guide.consentRule.channels.forEach((channel, index) => {
    if (!declared.has(channel))
      issues.push({
        pointer: `/consentRule/channels/${index}`,
        message: `가이드에 없는 채널 "${channel}" (있는 것: ${known})`,
      });
  });
  guide.channels.forEach((channel, index) => {
    const usable = guide.inquiryTypes.some((type) => {
      const script = guide.scripts.find((candidate) => candidate.id === type.scriptId);
      return script !== undefined && (script.channels === undefined || script.channels.includes(channel.id));
    });
    if (!usable)
      issues.push({
        pointer: `/channels/${index}`,
        message: `채널 "${channel.label}"에서 쓸 수 있는 이관 유형(스크립트)이 없습니다`,
      });
  });
  return issues;
}

// The brochure e-mail may use the lead's values and the guide's own variables, nothing else.
function validateBrochureEmail(guide: Guide): GuideIssue[] {
  const template = guide.brochureEmail;
  if (!template) return [];
  const leadVariables: readonly string[] = brochureEmailVariables;
  const issues: GuideIssue[] = [];
  for (const part of ['subject', 'body'] as const) {
    for (const name of findTemplateVariables(template[part])) {
      if (!leadVariables.includes(name) && resolveGuideVariable(guide, name) === undefined)
        issues.push({
          pointer: `/brochureEmail/${part}`,
          message: `정의되지 않은 템플릿 변수 "{{${name}}}" (쓸 수 있는 것: ${leadVariables.join(', ')} 및 가이드 변수)`,
        });
    }
  }
  return issues;
}

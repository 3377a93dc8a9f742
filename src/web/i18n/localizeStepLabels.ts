import type { StepChoice } from '../../domain/flow/describeStep.ts';
import type { MessageKey } from './catalogue.ts';
import type { Translate } from './useT.ts';

// The flow engine (pure domain, shared with the server and the chatbot) names its own steps and
// answers in Korean; everything else in a path or a choice is the guide's text, shown as written.
const engineStepLabels: Readonly<Record<string, MessageKey>> = {
  '개인정보 수집 동의(Y)': 'console.step.consentAgreed',
  '개인정보 수집 거부(N)': 'console.step.consentRefused',
  업무시간: 'console.step.open',
  '업무시간 외': 'console.step.closed',
};

const engineChoiceLabels: Readonly<Record<string, MessageKey>> = {
  agreed: 'console.choice.agreed',
  refused: 'console.choice.refused',
  next: 'console.choice.next',
};

/** A path label in the UI language when the flow engine wrote it; the guide's labels stay as written. */
export function localizeStepLabel(label: string, t: Translate): string {
  const key = engineStepLabels[label];
  return key ? t(key) : label;
}

/** A choice's label: consent and "next" in the UI language, the guide's answer labels as written. */
export function localizeChoiceLabel(choice: StepChoice, t: Translate): string {
  const key = engineChoiceLabels[choice.input];
  return key ? t(key) : choice.label;
}

import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { StepView } from '../../../domain/flow/describeStep.ts';
import { type LeadIntakeInput, validateLeadIntake } from '../../../domain/lead/validateLeadIntake.ts';
import { useT } from '../../i18n/useT.ts';
import { describeIntakeProblem } from './describeIntakeProblem.ts';

/** Props of the Q4-Y intake (업체명 / 담당자 / 연락처 / 이메일주소 + optional 사업자등록번호). */
export type LeadIntakeFieldsProps = {
  fields: StepView['fields'];
  values: Partial<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  businessNumber: string;
  onBusinessNumberChange: (value: string) => void;
  /** How often the agent tried to continue with invalid values: from the first, every message shows. */
  attempts: number;
  /** Enter in the last field with valid values: the step is done. */
  onDone: () => void;
};

type FieldKey = keyof LeadIntakeInput;

const isFieldKey = (key: string): key is FieldKey =>
  key === 'companyName' ||
  key === 'contactName' ||
  key === 'phone' ||
  key === 'email' ||
  key === 'businessNumber';

/**
 * The sign-up intake with inline Korean validation, checked by the same rules as the server
 * (validateLeadIntake): a field's message shows once the agent leaves it, or for every field when
 * they try to continue. Enter moves to the next field; in the last required one (이메일주소) it
 * continues — only when everything is valid, else the first wrong field takes focus, so the caller
 * can be asked again. The optional 사업자등록번호 is off the Enter path (Tab reaches it; Enter there
 * continues too), so a lead needs no extra key for a field most callers do not give.
 */
export function LeadIntakeFields({
  fields,
  values,
  onChange,
  businessNumber,
  onBusinessNumberChange,
  attempts,
  onDone,
}: LeadIntakeFieldsProps) {
  const t = useT();
  const showAllErrors = attempts > 0;
  const refs = useRef<Array<HTMLInputElement | null>>([]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const inputs = [
    ...fields.map((field) => ({ key: field.key, label: field.label, optional: false })),
    { key: 'businessNumber', label: t('leads.intake.businessNumber'), optional: true },
  ];
  const fieldValue = (key: string) => (key === 'businessNumber' ? businessNumber : (values[key] ?? ''));
  const result = validateLeadIntake({
    companyName: fieldValue('companyName'),
    contactName: fieldValue('contactName'),
    phone: fieldValue('phone'),
    email: fieldValue('email'),
    businessNumber,
  });
  const problems = result.ok ? [] : result.problems;
  const errorOf = (key: string) => {
    if (!(showAllErrors || tried || touched.has(key))) return undefined;
    const problem = problems.find((candidate) => candidate.field === key);
    return problem ? describeIntakeProblem(problem, fieldValue(key), t) : undefined;
  };

  useEffect(() => {
    refs.current[0]?.focus();
  }, []);

  // Each attempt to move on with wrong values puts focus on the first wrong field (not every keystroke after).
  const firstWrong = inputs.findIndex((input) => problems.some((problem) => problem.field === input.key));
  const firstWrongRef = useRef(firstWrong);
  firstWrongRef.current = firstWrong;
  useEffect(() => {
    if (attempts > 0 && firstWrongRef.current >= 0) refs.current[firstWrongRef.current]?.focus();
  }, [attempts]);

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const key = inputs[index]?.key ?? '';
    setTouched((current) => new Set(current).add(key));
    const next = inputs[index + 1]?.optional ? undefined : refs.current[index + 1];
    if (next && !event.ctrlKey) {
      next.focus();
      return;
    }
    if (problems.length > 0) {
      setTried(true);
      refs.current[firstWrong]?.focus();
      return;
    }
    onDone();
  };

  return (
    <SimpleGrid cols={2} spacing="md" data-testid="lead-intake">
      {inputs.map((input, index) => (
        <TextInput
          key={input.key}
          ref={(element) => {
            refs.current[index] = element;
          }}
          label={input.label}
          name={input.key}
          size="md"
          autoComplete="off"
          inputMode={input.key === 'phone' ? 'tel' : input.key === 'email' ? 'email' : undefined}
          value={fieldValue(input.key)}
          error={errorOf(input.key)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (input.key === 'businessNumber') onBusinessNumberChange(value);
            else if (isFieldKey(input.key)) onChange(input.key, value);
          }}
          onBlur={() => setTouched((current) => new Set(current).add(input.key))}
          onKeyDown={onKeyDown(index)}
          data-testid={`lead-${input.key}`}
          description={
            input.key === 'email' ? (
              <Text span size="xs">
                {t('leads.intake.emailHint')}
              </Text>
            ) : undefined
          }
        />
      ))}
    </SimpleGrid>
  );
}

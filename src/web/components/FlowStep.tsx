import { Alert, Badge, Box, Breadcrumbs, Button, Group, Kbd, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import type { StepChoice, StepView } from '../../domain/flow/describeStep.ts';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { localizeChoiceLabel, localizeStepLabel } from '../i18n/localizeStepLabels.ts';
import { useT } from '../i18n/useT.ts';
import { describeChatLinkHours } from '../lib/describeChatLinkHours.ts';
import { flowKeyOf } from '../lib/flowKeyOf.ts';
import { isTypingTarget } from '../lib/isTypingTarget.ts';
import { ChatLinkOffer } from './ChatLinkOffer.tsx';
import { CollectFields } from './CollectFields.tsx';
import { ConsentDecisionPanel } from './ConsentDecisionPanel.tsx';
import { PolicyNotes } from './PolicyNotes.tsx';
import { RoutingBanner } from './RoutingBanner.tsx';

/** Props of one flow step. */
export type FlowStepProps = {
  guide: Guide;
  view: StepView;
  /** Identifies the step, so focus moves when it changes (the same node can be reached twice). */
  stepKey: string;
  /** Live business hours, for the hint before the business-hours decision is taken. */
  hoursOpen: boolean | null;
  collected: Partial<Record<string, string>>;
  onCollectedChange: (key: string, value: string) => void;
  onChoice: (choice: StepChoice) => void;
  onBack: () => void;
  onRepick: () => void;
  /** Enter at an end step: go to the record form. */
  onFinish: () => void;
  /** The record form, shown under an end step. */
  children?: ReactNode;
  /** Replaces the plain collect inputs at this step (the sign-up intake with its validation). */
  collectSlot?: ReactNode;
  /**
   * What the business directory said about a caller popped by the CTI: shown as the suggested
   * answer at a question the guide marks for it (Q1/Q3 등록 담당자 확인); the agent still answers.
   */
  directory?: { registered: boolean; label: string } | null;
};

const choiceColors: Record<StepChoice['key'], string> = { y: 'teal', n: 'red', Enter: 'indigo' };

/**
 * One step of a script: the sentences to say in large type, Y/N (also ㅛ/ㅜ) and Enter as keys and
 * big buttons, Backspace to step back, the path so far, and what applies here: routing, consent
 * notice, caveat, policies, the chat-link message.
 */
export function FlowStep({
  guide,
  view,
  stepKey,
  hoursOpen,
  collected,
  onCollectedChange,
  onChoice,
  onBack,
  onRepick,
  onFinish,
  children,
  collectSlot,
  directory = null,
}: FlowStepProps) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const isEnd = view.outcome !== null;

  // Each new step takes focus (collect steps focus their first field instead), so keys go to the
  // flow and a screen reader reads the new sentences.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stepKey is the trigger: a new step, even on the same node.
  useEffect(() => {
    if (view.fields.length === 0) containerRef.current?.focus({ preventScroll: false });
  }, [stepKey, view.fields.length]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const key = flowKeyOf(event);
      if (!key) return;
      if (isTypingTarget(event.target)) {
        // Esc in a field of this step leaves the field, so the step's keys work again; a second Esc
        // picks another type as the hint says. Nothing typed is lost.
        const inThisStep = event.target instanceof Node && rootRef.current?.contains(event.target);
        if (key === 'Escape' && !event.isComposing && inThisStep) {
          event.preventDefault();
          containerRef.current?.focus();
        }
        return;
      }
      // Enter on a focused button or link activates it; it must not also answer the step.
      if (key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('button, a')) return;
      if (key === 'Backspace') {
        event.preventDefault();
        if (view.canStepBack) onBack();
        return;
      }
      if (key === 'Escape') {
        event.preventDefault();
        onRepick();
        return;
      }
      if (key === 'Enter' && isEnd) {
        event.preventDefault();
        onFinish();
        return;
      }
      const choice = view.choices.find((candidate) => candidate.key === key);
      if (choice) {
        event.preventDefault();
        onChoice(choice);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [view, isEnd, onBack, onRepick, onFinish, onChoice]);

  const script = guide.scripts.find((candidate) => candidate.id === view.script.id);
  const suggested =
    directory && view.node.type === 'ask' && view.node.directorySuggestion === 'registered-contact'
      ? {
          input: directory.registered ? 'yes' : 'no',
          label: directory.registered ? view.node.answerLabels.yes : view.node.answerLabels.no,
          key: directory.registered ? 'Y' : 'N',
        }
      : null;
  const nextIsHoursCheck =
    view.node.type === 'ask' &&
    script?.nodes.find((node) => view.node.type === 'ask' && node.id === view.node.yes)?.type ===
      'businessHours';

  return (
    <Stack gap="md" ref={rootRef}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Breadcrumbs
          component="nav"
          aria-label={t('console.flow.path')}
          separator="›"
          separatorMargin={6}
          data-testid="flow-path"
          style={{ flexWrap: 'wrap', rowGap: 4 }}
        >
          {view.pathLabels.map((label, index) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: the path is a fixed sequence; a label may repeat, its position is its identity.
              key={`${index}-${label}`}
              size="sm"
              fw={index === view.pathLabels.length - 1 ? 700 : 400}
              c={index === view.pathLabels.length - 1 ? 'dark.9' : 'dark.5'}
              aria-current={index === view.pathLabels.length - 1 ? 'step' : undefined}
            >
              {localizeStepLabel(label, t)}
            </Text>
          ))}
        </Breadcrumbs>
        {isEnd && view.outcome && (
          // Never squeezed to "TRANS…" by a long path: the path wraps instead (1280 px wide).
          <Badge
            size="lg"
            color="indigo"
            variant="filled"
            radius="sm"
            data-testid="flow-outcome"
            style={{ flexShrink: 0, maxWidth: 'none' }}
          >
            {t(`console.outcome.${view.outcome}`)}
          </Badge>
        )}
      </Group>

      {view.routing && <RoutingBanner guide={guide} routing={view.routing} />}
      {nextIsHoursCheck && hoursOpen === false && (
        <Alert color="orange" variant="light" data-testid="after-hours-hint">
          {t('console.flow.afterHoursHint')}
        </Alert>
      )}

      <Paper
        withBorder
        radius="lg"
        p="xl"
        shadow="xs"
        ref={containerRef}
        tabIndex={-1}
        data-step-focus
        aria-live="polite"
        aria-label={t('console.flow.linesLabel', { node: view.node.label })}
        data-testid="flow-step"
        data-node-id={view.node.id}
        style={{ borderLeft: '6px solid var(--mantine-color-indigo-7)' }}
      >
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm" fw={700} c="indigo.8">
              {view.node.label}
            </Text>
            {view.consentNotice && (
              <Badge color="grape" variant="light" radius="sm" data-testid="consent-notice">
                {t('console.flow.consentNotice', { version: view.consentNotice.version })}
              </Badge>
            )}
          </Group>
          <Box data-testid="script-lines">
            {view.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a step's lines are a fixed sequence and a sentence may repeat.
              <p className="script-line" key={`${index}-${line}`}>
                {line}
              </p>
            ))}
          </Box>
          {view.supportLineCaveat && (
            <Alert
              color="orange"
              variant="outline"
              title={t('console.flow.caveat')}
              data-testid="support-line-caveat"
            >
              <Text fw={600}>{view.supportLineCaveat}</Text>
            </Alert>
          )}
        </Stack>
      </Paper>

      {suggested && directory && (
        <Alert
          color="teal"
          variant="light"
          title={t('console.flow.directoryTitle')}
          data-testid="directory-suggestion"
        >
          <Text size="sm">
            {directory.label} → {t('console.flow.suggestedAnswer')} <Kbd>{suggested.key}</Kbd>{' '}
            {suggested.label}
          </Text>
          <Text size="xs" c="dark.5">
            {t('console.flow.confirmWithCustomer')}
          </Text>
        </Alert>
      )}

      {view.node.type === 'consent' && (
        <ConsentDecisionPanel key={stepKey} notice={guide.consentNotice} consentRule={guide.consentRule} />
      )}

      {view.fields.length > 0 && collectSlot}
      {view.fields.length > 0 && !collectSlot && (
        <CollectFields
          key={stepKey}
          fields={view.fields}
          values={collected}
          onChange={onCollectedChange}
          onDone={() => {
            const next = view.choices.find((choice) => choice.key === 'Enter');
            if (next) onChoice(next);
          }}
        />
      )}

      {view.choices.length > 0 && (
        <Group grow gap="md">
          {view.choices.map((choice) => (
            <Button
              key={choice.input}
              size="xl"
              h={72}
              color={choiceColors[choice.key]}
              variant={choice.key === 'Enter' || suggested?.input === choice.input ? 'filled' : 'light'}
              onClick={() => onChoice(choice)}
              data-testid={`choice-${choice.input}`}
              data-suggested={suggested?.input === choice.input ? 'true' : undefined}
              styles={{ label: { whiteSpace: 'normal', fontSize: '1.15rem' } }}
            >
              <Kbd size="md" mr="sm">
                {choice.key === 'Enter' ? 'Enter' : choice.key.toUpperCase()}
              </Kbd>
              {localizeChoiceLabel(choice, t)}
            </Button>
          ))}
        </Group>
      )}

      {view.offers.map((offer) => (
        <ChatLinkOffer
          key={offer.id}
          offer={offer}
          closedNote={describeChatLinkHours(guide.supportLine.hours, { routing: view.routing, hoursOpen }, t)}
        />
      ))}

      <PolicyNotes policies={view.policies} />

      {children}

      <Group gap="lg" c="dark.5">
        <Text size="sm">
          <Kbd>Backspace</Kbd> {view.canStepBack ? t('console.flow.back') : t('console.flow.backFirst')}
        </Text>
        <Text size="sm">
          <Kbd>Esc</Kbd> {t('console.flow.repick')}
        </Text>
        {isEnd && (
          <Text size="sm">
            <Kbd>Enter</Kbd> {t('console.flow.writeRecord')} · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>{' '}
            {t('console.flow.save')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

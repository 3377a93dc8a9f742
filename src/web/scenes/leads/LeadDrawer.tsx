import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { LabeledValue } from '../../components/LabeledValue.tsx';
import { seoulTime } from '../../lib/seoulTime.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import { CallbackOutcomeForm } from './CallbackOutcomeForm.tsx';
import { describeLeadCallback } from './describeLeadCallback.ts';
import { LeadEmailPreview } from './LeadEmailPreview.tsx';
import { leadKeys, resendBrochureRequest, revealLeadRequest, useLeadDetail } from './leadApi.ts';
import { leadStatusColors } from './leadStatusColors.ts';

/** Props of the lead drawer. */
export type LeadDrawerProps = {
  leadId: string | null;
  session: Session;
  onClose: () => void;
  onOpenTransfer: (transferId: string) => void;
};

/**
 * One sign-up lead: contact fields (masked; the business team reveals them with a reason, logged,
 * shown in this drawer only), the brochure e-mail as sent or waiting in the outbox, the OB callback
 * with its due time in business hours, the outcome form (1–5, Ctrl+Enter) and every attempt so far.
 */
export function LeadDrawer({ leadId, session, onClose, onOpenTransfer }: LeadDrawerProps) {
  const detail = useLeadDetail(leadId);
  const canWork = session.user.role === 'backoffice' || session.user.role === 'admin';
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: (id: string) => resendBrochureRequest(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(leadKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    },
  });
  const reveal = useMutation({
    mutationFn: (input: { id: string; reason: string }) => revealLeadRequest(input.id, input.reason),
    onSuccess: () => {
      setAsking(false);
      setReason('');
    },
  });
  // Revealed values belong to this lead and this opening of the drawer only.
  const revealed = reveal.data && reveal.variables?.id === leadId ? reveal.data : null;
  const close = () => {
    reveal.reset();
    resend.reset();
    setAsking(false);
    setReason('');
    onClose();
  };

  const lead = detail.data;
  const callback = lead ? describeLeadCallback(lead.callback) : null;
  const closed = lead?.status === 'won' || lead?.status === 'lost';

  return (
    <Drawer
      opened={leadId !== null}
      onClose={close}
      position="right"
      size="xl"
      title={
        lead ? (
          <Group gap="sm">
            <Title order={2} size="h3">
              {lead.number}
            </Title>
            <Badge color={leadStatusColors[lead.status]} data-testid="lead-drawer-status">
              {lead.statusLabel}
            </Badge>
            <Badge color="grape" variant="light">
              가입 리드
            </Badge>
          </Group>
        ) : (
          '가입 리드'
        )
      }
      data-testid="lead-drawer"
    >
      {detail.isPending && <Loader aria-label="리드 불러오는 중" />}
      {detail.isError && <Alert color="red">{detail.error.message}</Alert>}
      {lead && callback && (
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="sm">
            <LabeledValue label="업체명" value={lead.companyName} />
            <LabeledValue
              label="담당자"
              value={revealed?.contactName ?? lead.contactName}
              testId="lead-contactName"
            />
            <LabeledValue label="연락처" value={revealed?.phone ?? lead.phone} testId="lead-phone" />
            <LabeledValue
              label="이메일주소"
              value={revealed?.email ?? lead.email}
              testId="lead-email-address"
            />
            <LabeledValue label="사업자등록번호" value={lead.businessNumber ?? '-'} />
            <LabeledValue label="담당자 (비즈니스팀)" value={lead.assignee?.name ?? '미배정'} />
            <LabeledValue
              label="접수"
              value={`${seoulTime.dateTime(lead.createdAt)} · ${lead.filedBy.name}`}
            />
            <LabeledValue
              label="첫 통화"
              value={lead.firstCalledAt ? seoulTime.dateTime(lead.firstCalledAt) : '아직 없음'}
            />
          </SimpleGrid>
          <Group gap="xs">
            {lead.masked && !revealed && canRevealPersonalData(session.user.role) && !asking && (
              <Button size="xs" variant="light" onClick={() => setAsking(true)} data-testid="lead-reveal">
                개인정보 보기
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={() => onOpenTransfer(lead.transferId)}>
              이관 {lead.number} 열기
            </Button>
          </Group>
          {asking && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim().length >= 2) reveal.mutate({ id: lead.id, reason: reason.trim() });
              }}
            >
              <Group gap="xs" align="flex-end">
                <TextInput
                  label="열람 사유"
                  placeholder="예: 가입 안내 OB 콜백"
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                  autoFocus
                  w={320}
                  data-testid="lead-reveal-reason"
                />
                <Button type="submit" loading={reveal.isPending} disabled={reason.trim().length < 2}>
                  열람
                </Button>
                <Button variant="subtle" onClick={() => setAsking(false)}>
                  취소
                </Button>
              </Group>
            </form>
          )}
          {revealed && (
            <Text size="xs" c="orange.8">
              열람 기록이 남았습니다. 창을 닫으면 다시 가려집니다.
            </Text>
          )}
          {reveal.error && <Alert color="red">{reveal.error.message}</Alert>}

          <Divider label="OB 콜백" labelPosition="left" />
          <Group gap="lg">
            <LabeledValue
              label="콜백 예정"
              value={lead.callback.dueAt ? seoulTime.dateTime(lead.callback.dueAt) : '없음'}
              testId="lead-callback-due"
            />
            {callback.tone !== 'none' && (
              <LabeledValue
                label={callback.label}
                value={callback.detail}
                color={callback.tone === 'overdue' ? 'red' : callback.tone === 'due' ? 'orange' : undefined}
              />
            )}
            <LabeledValue label="시도" value={`${lead.callback.attempts}회`} />
            {lead.lastOutcomeLabel && <LabeledValue label="최근 결과" value={lead.lastOutcomeLabel} />}
          </Group>
          {lead.status === 'new' && (
            <Text size="xs" c="dark.4">
              콜백은 가입 소개서 메일이 발송되면 업무시간 기준으로 잡힙니다.
            </Text>
          )}
          {canWork && !closed && <CallbackOutcomeForm key={lead.id} lead={lead} />}
          {closed && (
            <Text size="sm" c="dark.5">
              {lead.closedAt ? `${seoulTime.dateTime(lead.closedAt)} · ` : ''}
              {lead.status === 'won' ? '가입으로 끝난 리드입니다.' : '종료된 리드입니다.'}
            </Text>
          )}
          {(lead.callbacks ?? []).length > 0 && (
            <Timeline bulletSize={12} lineWidth={2} data-testid="lead-callbacks">
              {(lead.callbacks ?? []).map((entry) => (
                <Timeline.Item key={entry.attempt} title={`${entry.attempt}차 콜백: ${entry.outcomeLabel}`}>
                  <Text size="xs" c="dark.4">
                    {entry.actor?.name ?? '시스템'} · {seoulTime.dateTime(entry.at)}
                    {entry.retryAt ? ` · 재통화 ${seoulTime.dateTime(entry.retryAt)}` : ''}
                  </Text>
                  {entry.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="lead-callback-note">
                      {/* Masked like all free text; revealed with the contact. */}
                      {revealed?.callbacks.find((clear) => clear.attempt === entry.attempt)?.note ??
                        entry.note}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}

          <Divider label="가입 소개서 메일" labelPosition="left" />
          {canWork &&
            lead.personalDataErasedAt === null &&
            (lead.brochure.status === 'queued' || lead.brochure.status === 'failed') && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  loading={resend.isPending}
                  onClick={() => resend.mutate(lead.id)}
                  data-testid="lead-brochure-resend"
                >
                  소개서 다시 보내기
                </Button>
                <Text size="xs" c="dark.4">
                  {resend.isSuccess && resend.variables === lead.id
                    ? '발송을 요청했습니다. 여러 번 눌러도 한 번만 발송됩니다.'
                    : '대기 중이거나 실패한 메일을 지금 다시 보냅니다.'}
                </Text>
              </Group>
            )}
          {resend.error && resend.variables === lead.id && <Alert color="red">{resend.error.message}</Alert>}
          <LeadEmailPreview leadId={lead.id} />
        </Stack>
      )}
    </Drawer>
  );
}

import { validateLeadIntake } from '../../domain/lead/validateLeadIntake.ts';
import { maskPhone } from '../../domain/privacy/maskPhone.ts';
import { ConsultationRecordForm } from '../components/ConsultationRecordForm.tsx';
import { FlowStep } from '../components/FlowStep.tsx';
import { InquiryTypePicker } from '../components/InquiryTypePicker.tsx';
import { RecordPreviewPanel } from '../components/RecordPreviewPanel.tsx';
import { SuggestPanel } from '../components/SuggestPanel.tsx';
import { addMessages } from '../i18n/catalogue.ts';
import { leadsMessages } from '../i18n/messages/leads.ts';
import { transfersMessages } from '../i18n/messages/transfers.ts';
import { LeadFilingPanel } from '../scenes/leads/LeadFilingPanel.tsx';
import { LeadIntakeFields } from '../scenes/leads/LeadIntakeFields.tsx';
import { TransferFilingPanel } from '../scenes/queue/TransferFilingPanel.tsx';
import type { LeadIntakeCheck } from './consoleReducer.ts';

// The transfer and lead forms' words come with them.
addMessages(leadsMessages, transfersMessages);

// Typed as the reducer takes it, so the stand-ins (useCallViews) can give one of their own.
const checkLeadIntake: LeadIntakeCheck = validateLeadIntake;

/**
 * The console's views of a call under way — the type picker and suggestions, the script step, the
 * sign-up intake, the record preview and form and the transfer/lead forms — as one chunk that loads right
 * after the start screen (useCallViews), not before it.
 */
export const callViews = {
  ConsultationRecordForm,
  FlowStep,
  InquiryTypePicker,
  LeadFilingPanel,
  LeadIntakeFields,
  RecordPreviewPanel,
  SuggestPanel,
  TransferFilingPanel,
  /** The sign-up intake's check before the script moves on (with the phone-number parser it needs). */
  checkLeadIntake,
  /** The one masking rule for a phone number shown (it needs the parser too: here, not on the start screen). */
  maskPhone,
};

/** The call views, by name. */
export type CallViews = typeof callViews;

import { Alert, Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { CallViews } from './callViews.ts';

let loaded: CallViews | null = null;
let loading: Promise<CallViews> | null = null;

function loadCallViews(): Promise<CallViews> {
  loading ??= import('./callViews.ts').then(
    (module) => {
      loaded = module.callViews;
      return loaded;
    },
    (error: unknown) => {
      // The next console render may try again (a dropped connection, a deploy in between).
      loading = null;
      throw error;
    },
  );
  return loading;
}

function Waiting() {
  const t = useT();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function Failed() {
  const t = useT();
  return (
    <Alert color="red" role="alert" title={t('common.serverUnreachable')}>
      {t('common.reloadLater')}
    </Alert>
  );
}

const waiting: CallViews = {
  ConsultationRecordForm: Waiting,
  FlowStep: Waiting,
  InquiryTypePicker: Waiting,
  LeadFilingPanel: Waiting,
  LeadIntakeFields: Waiting,
  RecordPreviewPanel: Waiting,
  SuggestPanel: Waiting,
  TransferFilingPanel: Waiting,
  // Nothing can be chosen before the views are there; an intake is never taken unchecked.
  checkLeadIntake: () => ({ ok: false }),
  // A number is never shown unmasked: until the rule is there, it is not shown.
  maskPhone: () => '',
};
const failed: CallViews = { ...waiting, FlowStep: Failed, InquiryTypePicker: Failed };

/**
 * The call views (callViews.ts), loaded as soon as the console mounts. Until they are there, it
 * gives stand-ins (a loader) and `ready: false`: the console then counts the step's view as not
 * shown, so keys typed meanwhile are held by the key queue and applied once the real view has
 * focus — nothing typed is lost to the load.
 */
export function useCallViews(): { views: CallViews; ready: boolean } {
  const [views, setViews] = useState<CallViews | null>(loaded);
  const [error, setError] = useState(false);
  useEffect(() => {
    if (views) return;
    let current = true;
    loadCallViews().then(
      (module) => current && setViews(module),
      () => current && setError(true),
    );
    return () => {
      current = false;
    };
  }, [views]);
  if (views) return { views, ready: true };
  return { views: error ? failed : waiting, ready: false };
}

import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

type ExportButtonProps = {
  /** The file holds personal data in clear for this role: a reason is asked for first. */
  inClear: boolean;
  /** The plain download (GET) of the masked file. */
  href: string;
  /** Opens the reason dialog (ExportReasonDialog), which downloads the file in clear. */
  onAskReason: () => void;
  testId: string;
  children: ReactNode;
};

/**
 * A CSV export button: a plain link to the masked file, or — for a role that gets personal data in
 * clear — a button that asks for the reason of the download first (the access log keeps it).
 */
export function ExportButton({ inClear, href, onAskReason, testId, children }: ExportButtonProps) {
  return inClear ? (
    <Button variant="light" onClick={onAskReason} data-testid={testId}>
      {children}
    </Button>
  ) : (
    <Button component="a" href={href} variant="light" data-testid={testId}>
      {children}
    </Button>
  );
}

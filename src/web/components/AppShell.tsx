import type { CSSProperties, ReactNode } from 'react';

/** Props of the page frame. */
export type AppShellProps = {
  /** The fixed header's height in pixels. */
  header: { height: number };
  /** Space around the main content (a Mantine spacing). */
  padding: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
  children: ReactNode;
};

/**
 * The frame of every signed-in screen: a fixed header (`banner`) and the one `main` landmark
 * below it, with the props of Mantine's AppShell that the screens use. Mantine's own carries a
 * navbar, asides, a footer and scroll locking this app has none of, and weighed as much as a
 * screen in the console's first load.
 */
export function AppShell({ header, padding, children }: AppShellProps) {
  const frame: CSSProperties & Record<`--${string}`, string> = {
    '--app-shell-header-height': `${header.height}px`,
    '--app-shell-padding': `var(--mantine-spacing-${padding})`,
  };
  return (
    <div className="app-shell" style={frame}>
      {children}
    </div>
  );
}

/** The header row: product, search, navigation, user. */
function AppShellHeader({ children }: { children: ReactNode }) {
  return <header className="app-shell-header">{children}</header>;
}

/** The page's one main landmark, named for the screen. */
function AppShellMain({
  children,
  ...labelling
}: {
  children: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}) {
  return (
    <main className="app-shell-main" {...labelling}>
      {children}
    </main>
  );
}

AppShell.Header = AppShellHeader;
AppShell.Main = AppShellMain;

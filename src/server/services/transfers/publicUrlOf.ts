import type { AppContext } from '../../appContext.ts';

/** The base URL links in e-mails and webhooks point to: PUBLIC_URL, else the address the server listens on. */
export function publicUrlOf(ctx: AppContext): string {
  const base =
    ctx.env.PUBLIC_URL ??
    `http://${ctx.env.HOST.includes(':') ? `[${ctx.env.HOST}]` : ctx.env.HOST}:${ctx.env.PORT}`;
  return base.replace(/\/+$/, '');
}

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { addMessages } from '../../src/web/i18n/catalogue.ts';
import type { AreaMessages } from '../../src/web/i18n/defineMessages.ts';

/**
 * Vitest setup: every web message area, added as the screens add theirs in the browser, so a unit
 * test of a helper that translates (the console reducer, a formatter) reads real words without
 * naming the screen it belongs to. Whether each screen adds its areas is messageAreas.test.ts's job.
 */
const messagesDirectory = path.resolve(import.meta.dirname, '../../src/web/i18n/messages');
for (const file of readdirSync(messagesDirectory)) {
  const module: Record<string, unknown> = await import(path.join(messagesDirectory, file));
  addMessages(...Object.values(module).filter(isAreaMessages));
}

function isAreaMessages(value: unknown): value is AreaMessages<string> {
  return typeof value === 'object' && value !== null && 'area' in value && 'ko' in value && 'en' in value;
}

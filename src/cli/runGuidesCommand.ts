import path from 'node:path';
import type { Guide } from '../domain/guide/guideSchema.ts';
import { readEnv } from '../server/env.ts';
import { type GuideCatalog, loadGuideCatalog } from '../server/services/guides/loadGuideCatalog.ts';

/** Usage lines of the guides commands, appended to the CLI's usage. */
export const GUIDES_USAGE = `  ieum guides check [DIR]                    validate a guides directory as the server would at start (default
                                             IEUM_GUIDES_DIR) and list its guides; no database needed, exit 1 on
                                             any problem (each named by file, line and place)`;

/** A few lines about a valid guide: what an admin checks before restarting on it. */
function describeGuide(guide: Guide, catalog: GuideCatalog): string {
  const { supportLine } = guide;
  const examples = catalog.examples(guide.id).length;
  return [
    `${guide.id}  version ${guide.version}${catalog.defaultGuide().id === guide.id ? '  (default)' : ''}`,
    `  ${guide.title}`,
    `  ${guide.inquiryTypes.length} inquiry type(s), ${guide.scripts.length} script(s), channels ${guide.channels
      .map((channel) => channel.id)
      .join(', ')}`,
    `  ${supportLine.name} ${supportLine.phone}: ${supportLine.hours.days} ${supportLine.hours.opens}–${supportLine.hours.closes} ${supportLine.hours.timeZone}`,
    `  ${examples > 0 ? `${examples} example utterance(s) for suggestions` : 'no example utterances (suggestions off for it)'}`,
  ].join('\n');
}

/**
 * Runs `guides check [DIR]`; returns false for any other command. An admin editing a guide runs it
 * before restarting: a broken guide would stop the server's start with the same messages.
 */
export async function runGuidesCommand(
  resource: string | undefined,
  args: readonly string[],
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'guides' || args[0] !== 'check' || args.length > 2) return false;
  const env = readEnv();
  const dir = args[1] ?? env.IEUM_GUIDES_DIR;
  // Throws with every problem by file and line, as the server's start does.
  const catalog = await loadGuideCatalog(dir, { defaultGuideId: env.IEUM_DEFAULT_GUIDE });
  for (const guide of catalog.list()) print(describeGuide(guide, catalog));
  const count = catalog.list().length;
  print(
    `${count} guide(s) valid in ${path.resolve(dir)}. An edited guide needs a new "version": calls in progress at the restart are saved on the one they started on.`,
  );
  return true;
}

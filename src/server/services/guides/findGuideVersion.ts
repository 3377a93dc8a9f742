import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { parseGuide } from '../../../domain/guide/parseGuide.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { guideVersionRepository } from '../../repositories/guideVersionRepository.ts';

// Earlier versions parsed once per text (a parse validates the whole guide, some milliseconds);
// few are ever in use at once: the ones calls in progress started on before a restart. A text
// that no longer parses is remembered too (null), so it is logged once, not on every request.
const MAX_CACHED = 16;
const parsed = new Map<string, Guide | null>();

/**
 * A guide as it was at `version`: the loaded one when that is still its version, else the text a
 * server loaded then (recordGuideVersions), parsed — and migrated — by this code. Undefined when
 * no server here ever loaded that version, or the stored text no longer parses.
 */
export async function findGuideVersion(
  ctx: AppContext,
  db: Database,
  guideId: string,
  version: string,
): Promise<Guide | undefined> {
  const current = ctx.guides.get(guideId);
  if (current?.version === version) return current;
  const stored = await guideVersionRepository.find(db, guideId, version);
  if (!stored) return undefined;
  const key = `${guideId}\0${version}\0${stored.sourceHash}`;
  const cached = parsed.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const result = parseGuide(stored.source, stored.fileName);
  const usable = result.ok && result.guide.id === guideId && result.guide.version === version;
  if (!usable) {
    ctx.logger.warn(
      { guideId, version, file: stored.fileName },
      'a stored guide version no longer loads: consultations started on it cannot be saved',
    );
  }
  if (parsed.size >= MAX_CACHED) {
    const [oldest] = parsed.keys();
    if (oldest !== undefined) parsed.delete(oldest);
  }
  const guide = usable ? result.guide : null;
  parsed.set(key, guide);
  return guide ?? undefined;
}

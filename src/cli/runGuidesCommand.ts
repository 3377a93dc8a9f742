import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Guide } from '../domain/guide/guideSchema.ts';
import { readEnv } from '../server/env.ts';
import { errorCodeOf } from '../server/errorCodeOf.ts';
import { GuideCatalogError, type GuideCatalogProblem } from '../server/services/guides/GuideCatalogError.ts';
import { type GuideCatalog, loadGuideCatalog } from '../server/services/guides/loadGuideCatalog.ts';

/** Usage lines of the guides commands, appended to the CLI's usage. */
export const GUIDES_USAGE = `  ieum guides check [DIR]                    validate a guides directory as the server would at start (default
                                             IEUM_GUIDES_DIR) and list its guides; no database needed, exit 1 on
                                             any problem (each named by file, line and place)`;

/** A wrong use of the guides commands, such as a directory that is not there (printed with the usage). */
export class GuidesUsageError extends Error {}

// The check reports in Korean, as the directory import's report does: the guide validator words
// every problem in the guide's own language (Korean), so the lines around them follow it.

/** A few lines about a valid guide: what an admin checks before restarting on it. */
function describeGuide(guide: Guide, catalog: GuideCatalog): string {
  const { supportLine } = guide;
  const examples = catalog.examples(guide.id).length;
  return [
    `${guide.id}  버전 ${guide.version}${catalog.defaultGuide().id === guide.id ? '  (기본 가이드)' : ''}`,
    `  ${guide.title}`,
    `  이관 유형 ${guide.inquiryTypes.length}개, 스크립트 ${guide.scripts.length}개, 채널 ${guide.channels
      .map((channel) => channel.id)
      .join(', ')}`,
    `  ${supportLine.name} ${supportLine.phone}: ${supportLine.hours.days} ${supportLine.hours.opens}–${supportLine.hours.closes} ${supportLine.hours.timeZone}`,
    `  ${examples > 0 ? `유형 제안용 예시 발화 ${examples}개` : '예시 발화 없음 (이 가이드는 유형 제안 안 함)'}`,
  ].join('\n');
}

/** Why the directory cannot be served, in the check's language. */
function describeProblem(problem: GuideCatalogProblem): string {
  switch (problem.kind) {
    case 'invalid':
      return `${problem.dir}의 가이드 내용에 문제 ${problem.problems.length}건:\n  ${problem.problems.join('\n  ')}`;
    case 'empty':
      return `${problem.dir}에 가이드가 없습니다 (<id>.json 파일이 있어야 합니다)`;
    case 'unknown-default':
      return `IEUM_DEFAULT_GUIDE "${problem.defaultGuideId}"은(는) ${problem.dir}의 가이드가 아닙니다 (있는 가이드: ${problem.guideIds.join(', ')})`;
  }
}

/** Refuses a DIR that is not a directory as a wrong use of the command, worded like the CLI's others. */
async function requireDirectory(dir: string, fromEnv: boolean): Promise<void> {
  const named = fromEnv ? `${dir} (IEUM_GUIDES_DIR)` : dir;
  try {
    if (!(await stat(dir)).isDirectory()) throw new GuidesUsageError(`not a directory: ${named}`);
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') throw new GuidesUsageError(`no such directory: ${named}`);
    throw error;
  }
}

/**
 * Runs `guides check [DIR]`; returns false for any other command. An admin editing a guide runs it
 * before restarting: a broken guide would stop the server's start with the same problems.
 */
export async function runGuidesCommand(
  resource: string | undefined,
  args: readonly string[],
  print: (line: string) => void,
): Promise<boolean> {
  if (resource !== 'guides' || args[0] !== 'check' || args.length > 2) return false;
  const env = readEnv();
  const dir = args[1] ?? env.IEUM_GUIDES_DIR;
  await requireDirectory(dir, args[1] === undefined);
  let catalog: GuideCatalog;
  try {
    catalog = await loadGuideCatalog(dir, { defaultGuideId: env.IEUM_DEFAULT_GUIDE });
  } catch (error) {
    if (error instanceof GuideCatalogError) throw new Error(describeProblem(error.problem));
    throw error;
  }
  for (const guide of catalog.list()) print(describeGuide(guide, catalog));
  print(
    `${path.resolve(dir)}의 가이드 ${catalog.list().length}개가 올바릅니다. 고친 가이드에는 새 "version"을 주세요: 재시작 때 진행 중인 상담은 시작한 버전으로 저장됩니다.`,
  );
  return true;
}

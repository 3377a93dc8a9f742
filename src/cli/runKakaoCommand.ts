import type { AppContext } from '../server/appContext.ts';
import { rotateKakaoSkillToken } from '../server/services/kakao/rotateKakaoSkillToken.ts';

/** Usage line of the KakaoTalk chatbot commands, appended to the CLI's usage. */
export const KAKAO_USAGE = `  ieum kakao token rotate                    new skill token for Kakao i Open Builder (replaces
                                             IEUM_KAKAO_SKILL_TOKEN); prints the skill URL, shown once`;

/** Runs `kakao token rotate`; returns false for any other command. */
export async function runKakaoCommand(
  args: { resource: string | undefined; verb: string | undefined; object: string | undefined },
  withContext: <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>,
  print: (line: string) => void,
): Promise<boolean> {
  if (args.resource !== 'kakao' || args.verb !== 'token' || args.object !== 'rotate') return false;
  const rotated = await withContext((ctx) => rotateKakaoSkillToken(ctx, { id: null }));
  print(`new skill token (shown once; the previous one stopped working at ${rotated.rotatedAt}).`);
  print('Set this URL as the skill URL in Kakao i Open Builder:');
  print(rotated.skillUrl);
  return true;
}

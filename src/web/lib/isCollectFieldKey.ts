import { type CollectFieldKey, collectFieldKeys } from '../../domain/guide/guideSchema.ts';

/** Narrows a collect-node field key (a plain string in StepView) to the keys the record knows. */
export function isCollectFieldKey(key: string): key is CollectFieldKey {
  return collectFieldKeys.some((candidate) => candidate === key);
}

/** What stopped a guides directory from loading, with the facts a tool needs to word it itself. */
export type GuideCatalogProblem =
  | { kind: 'invalid'; dir: string; problems: readonly string[] }
  | { kind: 'empty'; dir: string }
  | { kind: 'unknown-default'; dir: string; defaultGuideId: string; guideIds: readonly string[] };

function describeForStart(problem: GuideCatalogProblem): string {
  switch (problem.kind) {
    case 'invalid':
      return `Invalid guide content in ${problem.dir}:\n  ${problem.problems.join('\n  ')}`;
    case 'empty':
      return `No guide found in ${problem.dir} (expected <id>.json files)`;
    case 'unknown-default':
      return `IEUM_DEFAULT_GUIDE "${problem.defaultGuideId}" is not a guide in ${problem.dir} (guides: ${problem.guideIds.join(', ')})`;
  }
}

/**
 * A guides directory that cannot be served. The message is the server start's (English, like its
 * other start errors); `ieum guides check` words `problem` in the CLI's report language instead.
 */
export class GuideCatalogError extends Error {
  readonly problem: GuideCatalogProblem;

  constructor(problem: GuideCatalogProblem) {
    super(describeForStart(problem));
    this.name = 'GuideCatalogError';
    this.problem = problem;
  }
}

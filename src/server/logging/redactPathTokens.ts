// Two peers authenticate with a token in the path, because their platforms cannot send a header:
// a PBX's CTI token (Zammad's generic CTI) and the KakaoTalk skill URL's token (Open Builder
// calls a fixed URL). Each is the endpoint's only credential: never logged and never sent back (a
// bridge or Kakao's error report that logs refused answers would write it down).
const TOKENS_IN_PATH: ReadonlyArray<{ pattern: RegExp; redacted: string }> = [
  {
    pattern: /^\/api\/v1\/cti\/(?!tokens(?:[/?]|$)|calls\/|missed-calls)[^/?]+/,
    redacted: '/api/v1/cti/[redacted]',
  },
  {
    pattern: /^\/api\/v1\/channels\/kakao\/[^/?]+(?=\/skill(?:[/?]|$))/,
    redacted: '/api/v1/channels/kakao/[redacted]',
  },
];

/** A request path with a peer's path token (CTI, KakaoTalk skill) replaced by '[redacted]'; any other path as it is. */
export function redactPathTokens(path: string): string {
  for (const { pattern, redacted } of TOKENS_IN_PATH) {
    if (pattern.test(path)) return path.replace(pattern, redacted);
  }
  return path;
}

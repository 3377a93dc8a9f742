// A PBX's CTI token travels in the path (Zammad's generic CTI): a credential, never logged and
// never sent back (a bridge that logs refused answers would write it down).
const CTI_TOKEN_IN_PATH = /^\/api\/v1\/cti\/(?!tokens(?:[/?]|$)|calls\/|missed-calls)[^/?]+/;

/** A request path with a CTI token in it replaced by '[redacted]'; any other path as it is. */
export function redactCtiToken(path: string): string {
  return path.replace(CTI_TOKEN_IN_PATH, '/api/v1/cti/[redacted]');
}

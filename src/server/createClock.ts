/**
 * The server's clock. Normally the system time; with a fake start instant (IEUM_FAKE_NOW) it
 * starts there and advances in real time, so timers and ordering still behave.
 */
export function createClock(fakeStart?: string): () => Date {
  if (!fakeStart) return () => new Date();
  const offset = new Date(fakeStart).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

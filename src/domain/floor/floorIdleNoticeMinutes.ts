/**
 * Minutes without activity (no start, no draft save — the console saves as the agent goes) after
 * which the live floor flags an agent's open call: a call left open in a closed tab stays "on a
 * call" until the abandonment job, and this tells a supervisor so before then. Said in the
 * figure's published formula and applied by the dashboard, from this one value.
 */
export const FLOOR_IDLE_NOTICE_MINUTES = 15;

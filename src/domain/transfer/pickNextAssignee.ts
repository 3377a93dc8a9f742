/** A business-team member assigned to an inquiry type, in the admin's order. */
export type RotationMember = { userId: string; onDuty: boolean };

/**
 * Round-robin among the members on duty for an inquiry type. The cursor is the member who got the
 * previous transfer (not an index), so adding, removing or reordering members never makes the
 * rotation skip or repeat someone. When the last assignee left the list, rotation restarts at the
 * top. Returns null when nobody is on duty: the transfer stays unassigned in the queue, which is
 * visible, rather than landing on someone who is away.
 */
export function pickNextAssignee(
  members: readonly RotationMember[],
  lastAssigneeId: string | null,
): string | null {
  const onDuty = members.filter((member) => member.onDuty);
  if (onDuty.length === 0) return null;
  const lastIndex = lastAssigneeId === null ? -1 : members.findIndex((m) => m.userId === lastAssigneeId);
  for (let step = 1; step <= members.length; step++) {
    const candidate = members[(lastIndex + step + members.length) % members.length];
    if (candidate?.onDuty) return candidate.userId;
  }
  return onDuty[0]?.userId ?? null;
}

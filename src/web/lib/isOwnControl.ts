// What presses or follows itself on Enter: buttons, links, tabs, choices, a disclosure's summary.
const CONTROLS =
  'button, a[href], summary, input, select, textarea, [role="button"], [role="link"], [role="tab"], [role="radio"], [role="checkbox"], [role="menuitem"], [role="switch"], [contenteditable="true"]';

/**
 * Whether a key event comes from a control that acts on Enter itself (a focused button, link or
 * tab): a list's Enter-opens-the-row must leave that Enter to it, or pressing the focused 퍼널
 * button would open the row under the cursor instead.
 */
export function isOwnControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(CONTROLS) !== null;
}

import { translateNow } from '../i18n/translateNow.ts';

/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and focus; an
 * agent PC may reach the server by plain http on the LAN, so the old selection copy is the fallback.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Denied permission: fall through to the selection copy.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const previousFocus = document.activeElement;
  document.body.append(area);
  area.select();
  try {
    // Deprecated but still the only synchronous copy outside a secure context.
    const copied = document.execCommand('copy');
    if (!copied) throw new Error(translateNow('common.copyFailed'));
  } finally {
    area.remove();
    if (previousFocus instanceof HTMLElement) previousFocus.focus();
  }
}

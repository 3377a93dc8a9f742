/** 을 after a final consonant, 를 otherwise ("업체명을", "이메일주소를"); 를 for non-Hangul endings. */
export function chooseObjectParticle(word: string): '을' | '를' {
  const last = word.trim().at(-1);
  if (!last) return '를';
  const code = last.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return '를';
  return code % 28 === 0 ? '를' : '을';
}

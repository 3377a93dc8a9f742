import { maskName } from './maskName.ts';

/**
 * Masks the names a record is known to contain (e.g. its 담당자 field) wherever they appear in free
 * text, with the one name rule (`maskName`). Names cannot be recognised in free text the way phone
 * numbers can, so the fields that hold them say what to look for. Longer names are replaced first,
 * so '홍길동' inside '남궁홍길동' is not half-masked. Blank names are ignored.
 */
export function maskKnownNames(text: string, names: readonly string[]): string {
  const wanted = [
    ...new Set(names.map((name) => name.normalize('NFC').trim()).filter((name) => name.length > 0)),
  ];
  wanted.sort((a, b) => b.length - a.length);
  let result = text.normalize('NFC');
  for (const name of wanted) {
    // Repeated, because a masked name next to text can spell the name again ('다나다' + '나다').
    while (result.includes(name)) result = result.split(name).join(maskName(name));
  }
  return result;
}

// Marks of the legal form, written many ways for one company: (주)이음, 주식회사 이음, ㈜이음, 이음 Co., Ltd.
const legalForms = /\(주\)|㈜|주식회사|\(유\)|유한회사|\(사\)|사단법인|co\.?,?\s*ltd\.?|corp\.?|inc\.?/giu;

/** A company name folded for comparison: width, case, spacing, punctuation and legal-form marks ignored. */
export function foldCompanyName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(legalForms, '')
    .replace(/[\s.,·\-_'"()[\]]/gu, '');
}

/** Whether two typed company names stand for the same company (a duplicate sign-up lead). */
export function sameCompanyName(a: string, b: string): boolean {
  const left = foldCompanyName(a);
  return left !== '' && left === foldCompanyName(b);
}

/** The fields of one directory row (one registered contact and its company), in file order. */
export const directoryFields = ['companyName', 'bizNo', 'contactName', 'role', 'phones', 'emails'] as const;

/** One field of a directory row. */
export type DirectoryField = (typeof directoryFields)[number];

/** Each field's import column header, as Korean offices write it, in file order. */
export const directoryColumnHeaders = {
  companyName: '기업명',
  bizNo: '사업자등록번호',
  contactName: '담당자 이름',
  role: '담당자 구분',
  phones: '연락처',
  emails: '이메일',
} as const satisfies Record<DirectoryField, string>;

/** Field names in English, for English answers. */
export const directoryFieldNamesEn = {
  companyName: 'company name',
  bizNo: 'business registration number',
  contactName: 'contact name',
  role: 'contact type',
  phones: 'phone',
  emails: 'e-mail',
} as const satisfies Record<DirectoryField, string>;

/** The longest values kept, and how many phones and e-mails one contact may list. */
export const directoryLimits = {
  companyName: 100,
  contactName: 50,
  phones: 5,
  emails: 5,
} as const;

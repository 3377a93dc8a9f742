/** The business-directory entry e2e/seedDirectory.ts puts into each e2e server's database. */
export const e2eDirectory = {
  bizNo: '1208147521',
  companyName: '(주)누리테크',
  contactName: '김민수',
  phone: '010-2345-6789',
} as const;

import type { MessageArea } from '../messageArea.ts';

/** Messages about the business directory: companies, their contacts and the import. */
export const companyMessages = {
  'companies.statusActive': { ko: '활성', en: 'Active' },
  'companies.statusInactive': { ko: '비활성', en: 'Inactive' },
  'companies.roleManager': { ko: '관리책임자', en: 'Account manager' },
  'companies.roleOperator': { ko: '운영담당자', en: 'Operator' },
  'companies.notFound': {
    ko: '등록되지 않은 사업자등록번호입니다',
    en: 'No company is registered under this number',
  },
  'companies.contactNotFound': { ko: '이 기업의 담당자가 아닙니다', en: 'Not a contact of this company' },
  'companies.alreadyRegistered': {
    ko: '이미 등록된 사업자등록번호입니다 (수정은 PUT /api/v1/companies/{bizNo})',
    en: 'The business registration number is already registered (update it with PUT /api/v1/companies/{bizNo})',
  },
  'companies.alreadyRegisteredDetail': { ko: '이미 등록됨', en: 'already registered' },
  'companies.contactRefused': {
    ko: '담당자 정보가 올바르지 않습니다 ({code})',
    en: 'The contact details are invalid ({code})',
  },
  'companies.contactRole.manager': { ko: '관리책임자', en: 'account manager' },
  'companies.contactRole.operator': { ko: '운영담당자', en: 'operator' },
  'companies.phoneHeld': {
    ko: '연락처 {nth}번째 번호는 이미 이 기업의 {role:companies.contactRole} {holder}의 번호입니다 (한 번호에는 한 사람)',
    en: 'Phone {nth} is already the number of {holder} ({role:companies.contactRole}) of this company: one number, one person',
  },
  'companies.phoneHeldDetail': {
    ko: '이 기업의 다른 담당자가 쓰는 번호',
    en: 'a number another contact of this company has',
  },
  'companies.phoneRepeated': {
    ko: '연락처 {nth}번째 번호는 {other}번째 담당자의 번호와 같습니다 (한 번호에는 한 사람)',
    en: 'Phone {nth} is also the number of contact {other} of this request: one number, one person',
  },
  'companies.checkContact': { ko: '담당자 정보를 확인해 주세요', en: 'Please check the contact details' },
  'companies.nameRequired': { ko: '기업명을 입력하세요', en: 'Enter the company name' },
  'companies.nameTooLong': {
    ko: '기업명은 {max}자 이하여야 합니다',
    en: 'The company name must be at most {max#character|characters} long',
  },
  'companies.missingColumns': {
    ko: '머리글 행({line}행)에 필요한 열이 없습니다: {columns}',
    en: 'The header row (line {line}) lacks required columns: {columns}',
  },
  'companies.importMediaType': {
    ko: 'Content-Type: text/csv 또는 XLSX 형식으로 파일 자체를 보내 주세요',
    en: 'Send the file itself with Content-Type text/csv or the XLSX type',
  },
  'companies.importMediaTypeDetail': { ko: '{expected} 중 하나여야 합니다', en: 'expected {expected}' },
  'companies.importRefused': {
    ko: '{count}개 행이 거부되어 아무것도 가져오지 않았습니다',
    en: 'Nothing was imported: {count#refused row|refused rows}',
  },
  'companies.csvUnreadable': { ko: 'CSV 파일을 읽을 수 없습니다', en: 'The CSV file cannot be read' },
  'companies.csvUnreadableNear': {
    ko: 'CSV 파일을 읽을 수 없습니다 ({line}행 근처: 따옴표가 닫히지 않았거나 형식이 어긋났습니다)',
    en: 'The CSV file cannot be read (near line {line}: an unclosed quote or a broken row)',
  },
  'companies.xlsxUnreadable': {
    ko: 'XLSX 파일을 읽을 수 없습니다 (엑셀 통합 문서 .xlsx 형식인지 확인해 주세요)',
    en: 'The XLSX file cannot be read (check that it is an Excel workbook, .xlsx)',
  },
  'companies.xlsxNoSheet': { ko: 'XLSX 파일에 시트가 없습니다', en: 'The XLSX file has no sheet' },
  'companies.fileEmpty': {
    ko: '파일이 비어 있습니다 (머리글 행이 필요합니다)',
    en: 'The file is empty (a header row is needed)',
  },
} as const satisfies MessageArea;

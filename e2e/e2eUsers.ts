/** Accounts that e2e/startServer.ts creates in each fresh test database and the specs sign in with. */
export const e2eUsers = {
  agent: { email: 'agent@ieum.test', name: '김상담', role: 'agent', password: 'ieum-e2e-agent-pass' },
  admin: { email: 'admin@ieum.test', name: '이관리', role: 'admin', password: 'ieum-e2e-admin-pass' },
  backoffice: {
    email: 'backoffice@ieum.test',
    name: '박업무',
    role: 'backoffice',
    password: 'ieum-e2e-backoffice-pass',
  },
  supervisor: {
    email: 'supervisor@ieum.test',
    name: '정감독',
    role: 'supervisor',
    password: 'ieum-e2e-supervisor-pass',
  },
} as const;

// Browser tests: before the server under test starts (playwright.config.ts runs this first in
// its webServer command), make one account per role in the TEST database, with passwords fresh
// for this run, and write them to .data/e2e-accounts.json for e2e/global-setup.ts, which signs
// each in through the real sign-in page. It refuses any database but the browser tests' own
// (TEST_DATABASE_URL, or the embedded .data/e2e-pglite), so it cannot open a door in production.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveAuthSecret } from '../lib/auth/auth-secret';
import { createAuth } from '../lib/auth/create-auth';
import { ROLES } from '../lib/auth/roles';
import { closeDatabase, getDatabase } from '../lib/db';
import { resolveTestDatabaseUrl } from '../lib/db/test-database-url';
import { E2E_ACCOUNTS_FILE, E2E_EMAIL_DOMAIN, type E2eAccounts } from './accounts';

const url = process.env.DATABASE_URL?.trim();
const dataDir = process.env.EDGESTACK_DATA_DIR?.trim();
const testUrl = resolveTestDatabaseUrl();
const isTestDatabase = url ? url === testUrl : !!dataDir && path.resolve(dataDir) === path.resolve('.data', 'e2e-pglite');
if (!isTestDatabase || process.env.EDGESTACK_E2E_LOCK_HELD !== '1') {
  process.stderr.write('[edgestack] e2e/seed-accounts.ts only runs for the browser tests, against their own database.\n');
  process.exit(2);
}

const database = await getDatabase();
const db = database.prisma;
const auth = createAuth(db, { secret: await resolveAuthSecret(db), production: false, baseURL: 'http://localhost' });
// Accounts of earlier runs go: their passwords were never kept.
await db.user.deleteMany({ where: { email: { endsWith: `@${E2E_EMAIL_DOMAIN}` } } });
const accounts = {} as E2eAccounts;
for (const role of ROLES) {
  const email = `${role}@${E2E_EMAIL_DOMAIN}`;
  const password = randomBytes(15).toString('base64url');
  await auth.api.createUser({ body: { email, password, name: `E2E ${role}`, role } });
  accounts[role] = { email, password };
}
fs.mkdirSync(path.dirname(E2E_ACCOUNTS_FILE), { recursive: true });
fs.writeFileSync(E2E_ACCOUNTS_FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });
await closeDatabase();
process.stderr.write(`[edgestack] e2e accounts: ${ROLES.map((r) => accounts[r].email).join(', ')}\n`);

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Role } from '../lib/auth/roles';

export const E2E_EMAIL_DOMAIN = 'e2e.edgestack.test';
export const E2E_ACCOUNTS_FILE = path.join(process.cwd(), '.data', 'e2e-accounts.json');
export type E2eAccounts = Record<Role, { email: string; password: string }>;

/** Browser state signed in as `role`, written by e2e/global-setup.ts. */
export function storageStateFor(role: Role): string {
  return path.join(process.cwd(), '.data', 'e2e-auth', `${role}.json`);
}

export function readAccounts(): E2eAccounts {
  return JSON.parse(fs.readFileSync(E2E_ACCOUNTS_FILE, 'utf8')) as E2eAccounts;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

import { chromium, expect, type FullConfig } from '@playwright/test';
import { ROLES } from '../lib/auth/roles';
import { readAccounts, signIn, storageStateFor } from './accounts';

/** Signs each role's account in through the real sign-in page and keeps its cookies, so the
 * specs start signed in (as an operator unless they choose another role). */
export default async function globalSetup(config: FullConfig) {
  const project = config.projects[0].use;
  const accounts = readAccounts();
  const browser = await chromium.launch(project.launchOptions);
  try {
    for (const role of ROLES) {
      const context = await browser.newContext({ baseURL: project.baseURL });
      const page = await context.newPage();
      await signIn(page, accounts[role].email, accounts[role].password);
      await expect(page.getByTestId('signed-in-as')).toContainText(accounts[role].email, { timeout: 30_000 });
      await context.storageState({ path: storageStateFor(role) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

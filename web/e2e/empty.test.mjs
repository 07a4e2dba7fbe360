// End-to-end on an empty store: a new installation with one admin and no data. Every page must
// show its empty or "no analysis yet" state, never an error, and nothing may throw.
// Run through `CENTRIC_E2E_SUITE=empty npm run e2e` (e2e/run.mjs checks the environment first).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ADMIN, launch, messages, newPage, settled, signIn } from './harness.mjs';

const en = messages('en');

const PAGES = ['/', '/customers', '/segments', '/cross-sell', '/admin/users', '/admin/audit', '/admin/webhooks'];
// Admin pages list at least the admin (and the admin's sign-in is audited): no empty state there.
// Webhooks start empty, and say so.
const ADMIN_PAGES = new Set(['/admin/users', '/admin/audit']);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('every page of an empty store shows empty states and no error', async () => {
  const page = await newPage(browser);
  await signIn(page, ADMIN);
  await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
  for (const path of PAGES) {
    await page.goto(path);
    await settled(page);
    const errors = await page.locator('.state-error').count();
    assert.equal(errors, 0, `${path} shows an error state`);
    if (!ADMIN_PAGES.has(path)) {
      const empty = await page.locator('.state-empty, .state-no-analysis').count();
      assert.ok(empty > 0, `${path} shows no empty state`);
    }
  }
  assert.deepEqual(page.problems, [], 'no script errors');
  await page.context().close();
});

// End-to-end: the built app served by a real `centric serve` with demo data, in Chromium.
// Run through `npm run e2e` (e2e/run.mjs checks the environment first).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  ADMIN,
  AGENT,
  axeViolations,
  DESKTOP,
  launch,
  messages,
  newPage,
  PHONE,
  screenshot,
  settled,
  signIn,
} from './harness.mjs';

const en = messages('en');
const ar = messages('ar');
const vi = messages('vi');

/** Every page of the app; the customer's path is filled in once one is known. */
const PAGES = [
  { name: 'dashboard', path: '/' },
  { name: 'customers', path: '/customers' },
  { name: 'customer-360', path: null },
  { name: 'segments', path: '/segments' },
  { name: 'cross-sell', path: '/cross-sell' },
  { name: 'admin-users', path: '/admin/users' },
  { name: 'admin-audit', path: '/admin/audit' },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A real customer from the demo data, read through the API with the page's session. */
async function someCustomer(page) {
  const body = await page.evaluate(async () => {
    const r = await fetch('/api/v1/customers?limit=20', { credentials: 'same-origin' });
    return r.json();
  });
  const customer = body.items.find((c) => c.name && c.name.split(' ')[0].length >= 3);
  assert.ok(customer, 'the demo data has customers with names');
  return customer;
}

describe('signing in', () => {
  test('a wrong password is refused', async () => {
    const page = await newPage(browser);
    await signIn(page, { email: ADMIN.email, password: `${ADMIN.password}-wrong` });
    await page.getByRole('alert').filter({ hasText: en['signIn.wrong'] }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/sign-in/);
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    assert.equal(session, 401);
    await page.context().close();
  });

  test('an unknown path while signed out leads to the sign-in page and back', async () => {
    const page = await newPage(browser);
    await page.goto('/segments');
    await page.getByRole('heading', { level: 1, name: en['signIn.title'] }).waitFor();
    assert.match(page.url(), /\/sign-in\?next=%2Fsegments$/);
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: en['segments.title'] }).waitFor();
    await page.context().close();
  });
});

describe('an admin at work', () => {
  let page;
  let customer;

  before(async () => {
    page = await newPage(browser);
    await signIn(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
    customer = await someCustomer(page);
    PAGES.find((p) => p.name === 'customer-360').path = `/customers/${customer.id}`;
  });
  after(async () => {
    await page?.context().close();
  });

  test('signs in and sees the dashboard', async () => {
    assert.equal(await page.title(), en['app.documentTitle'].replace('{page}', en['dashboard.title']));
    await page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['nav.users'] }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('searches a customer as they type', async () => {
    await page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['nav.customers'] }).click();
    await page.getByRole('heading', { level: 1, name: en['customers.title'] }).waitFor();
    const word = customer.name.split(' ')[0];
    await page.getByLabel(en['filter.search']).pressSequentially(word, { delay: 40 });
    await page.waitForURL((url) => url.searchParams.get('q') === word);
    const link = page.getByRole('region', { name: en['customers.tableLabel'] }).getByRole('link', { name: customer.name }).first();
    await link.waitFor();
    // The search matches names, emails and customer numbers; the list is the server's answer.
    const rows = await page.locator('.customers-table tbody tr').count();
    assert.ok(rows > 0 && rows <= 25, `one page of matches (${rows} rows)`);
  });

  test('opens the customer 360 view', async () => {
    await page.getByRole('link', { name: customer.name }).first().click();
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();
    for (const section of ['customer.profile', 'customer.value', 'customer.offers', 'customer.timeline', 'customer.orders']) {
      await page.getByRole('heading', { level: 2, name: en[section] }).waitFor();
    }
    await page.getByText(customer.external_id, { exact: true }).first().waitFor();
  });

  test('adds a note and sees it in the timeline', async () => {
    const text = `e2e note ${Date.now()}`;
    await page.getByRole('radio', { name: en['interaction.kind.note'] }).check();
    await page.getByLabel(en['interaction.summary']).fill(text);
    await page.getByRole('button', { name: en['interaction.submit'] }).click();
    await page.getByRole('status').filter({ hasText: en['interaction.added'] }).waitFor();
    const entry = page.getByTestId('timeline').locator('li', { hasText: text });
    await entry.waitFor();
    assert.match(await entry.textContent(), new RegExp(en['kind.note']));
  });

  test('logs a call too', async () => {
    const text = `e2e call ${Date.now()}`;
    await page.getByRole('radio', { name: en['interaction.kind.call'] }).check();
    assert.equal(await page.getByLabel(en['interaction.channel']).inputValue(), 'phone');
    await page.getByLabel(en['interaction.summary']).fill(text);
    await page.getByRole('button', { name: en['interaction.submit'] }).click();
    await page.getByTestId('timeline').locator('li', { hasText: text }).waitFor();
  });

  test('finds the note and the call in the audit log', async () => {
    await page.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['nav.audit'] }).click();
    await page.getByRole('heading', { level: 1, name: en['audit.title'] }).waitFor();
    await settled(page);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 0, 'the audit log shows at least one entry');
    // The interactions written above are recorded against their customer.
    await page.getByLabel(en['audit.filter.customerId'], { exact: true }).fill(String(customer.id));
    await page.getByRole('button', { name: en['action.apply'] }).click();
    await page.waitForURL((url) => url.searchParams.get('customer_id') === String(customer.id));
    await settled(page);
    const interaction = rows.filter({ hasText: en['audit.entity.interaction'] }).first();
    await interaction.waitFor();
    const link = interaction.getByRole('link', { name: en['audit.customerLink'].replace('{id}', String(customer.id)) });
    assert.equal(await link.getAttribute('href'), `/customers/${customer.id}`);
    // The export carries the same filter.
    const csv = await page.getByRole('link', { name: en['audit.exportCsv'] }).getAttribute('href');
    assert.equal(csv, `/api/v1/audit/export.csv?customer_id=${customer.id}`);
    assert.deepEqual(page.problems, []);
  });

  test('every page passes axe-core with no serious or critical violation, in English and Arabic', async () => {
    const report = [];
    for (const locale of ['en', 'ar']) {
      await page.evaluate((l) => localStorage.setItem('centric.locale', l), locale);
      for (const { name, path } of PAGES) {
        await page.goto(path);
        await settled(page, locale);
        for (const v of await axeViolations(page)) report.push(`${locale} ${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
      }
    }
    await page.evaluate(() => localStorage.setItem('centric.locale', 'en'));
    assert.deepEqual(report, []);
  });

  test('screenshots of every page, desktop and phone, English and Arabic', async () => {
    for (const locale of ['en', 'ar']) {
      for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        const shooter = await newPage(browser, { locale, viewport });
        await signIn(shooter, ADMIN, locale);
        await shooter.getByRole('heading', { level: 1, name: messages(locale)['dashboard.title'] }).waitFor();
        for (const { name, path } of PAGES) {
          await shooter.goto(path);
          await settled(shooter, locale);
          await screenshot(shooter, `${locale}-${size}-${name}`);
        }
        // No sideways scrolling of the whole page on a phone: wide tables scroll in place.
        if (size === 'phone') {
          const overflow = await shooter.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `page is ${overflow}px wider than a ${viewport.width}px phone`);
        }
        assert.deepEqual(shooter.problems, []);
        await shooter.context().close();
      }
    }
  });

  test('switches to Arabic: right to left, mirrored layout, remembered', async () => {
    await page.goto('/');
    await settled(page);
    await page.getByLabel(en['language.label']).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: ar['dashboard.title'] }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    const nav = await page.getByRole('navigation', { name: ar['nav.label'] }).boundingBox();
    const main = await page.locator('main').boundingBox();
    assert.ok(nav && main);
    assert.ok(nav.x > DESKTOP.width / 2, `the navigation is on the right (x = ${nav.x})`);
    assert.ok(main.x + main.width <= nav.x + 1, 'the content is to the left of the navigation');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: ar['dashboard.title'] }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  });

  test('switches to Vietnamese: left to right again', async () => {
    await page.getByLabel(ar['language.label']).selectOption('vi');
    await page.getByRole('heading', { level: 1, name: vi['dashboard.title'] }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    const nav = await page.getByRole('navigation', { name: vi['nav.label'] }).boundingBox();
    assert.ok(nav && nav.x < DESKTOP.width / 2, 'the navigation is back on the left');
    await page.getByRole('navigation', { name: vi['nav.label'] }).getByRole('link', { name: vi['nav.customers'] }).waitFor();
    await page.getByLabel(vi['language.label']).selectOption('en');
    await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
  });

  test('signs out', async () => {
    await page.getByRole('button', { name: en['action.signOut'] }).click();
    await page.getByRole('heading', { level: 1, name: en['signIn.title'] }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    assert.equal(session, 401);
    await page.goto('/customers');
    await page.getByRole('heading', { level: 1, name: en['signIn.title'] }).waitFor();
  });
});

describe('an agent', () => {
  test('cannot open admin pages', async () => {
    const page = await newPage(browser);
    await signIn(page, AGENT);
    await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
    const nav = page.getByRole('navigation', { name: en['nav.label'] });
    assert.equal(await nav.getByRole('link', { name: en['nav.users'] }).count(), 0);
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: en['notAllowed.title'] }).waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    const users = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    assert.equal(users, 403);
    await page.context().close();
  });

  test('cannot open the audit log', async () => {
    const page = await newPage(browser);
    await signIn(page, AGENT);
    await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
    const nav = page.getByRole('navigation', { name: en['nav.label'] });
    assert.equal(await nav.getByRole('link', { name: en['nav.audit'] }).count(), 0);
    await page.goto('/admin/audit');
    await page.getByRole('heading', { level: 1, name: en['notAllowed.title'] }).waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    const statuses = await page.evaluate(async () =>
      Promise.all(['/api/v1/audit', '/api/v1/audit/export.csv'].map(async (path) => (await fetch(path)).status)),
    );
    assert.deepEqual(statuses, [403, 403]);
    await page.context().close();
  });
});

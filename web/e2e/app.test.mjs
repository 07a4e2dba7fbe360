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
  { name: 'admin-webhooks', path: '/admin/webhooks' },
  { name: 'admin-webhook-log', path: null },
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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The CSV and Excel download links of the page (in the group of exports), by their labels. */
async function exportLinks(page) {
  const group = page.getByRole('group', { name: en['export.label'] });
  return {
    csv: await group.getByRole('link', { name: en['export.csv'] }).getAttribute('href'),
    xlsx: await group.getByRole('link', { name: en['export.xlsx'] }).getAttribute('href'),
  };
}

/** A download fetched with the page's session: status, headers and its first bytes. */
async function download(page, href) {
  return page.evaluate(async (url) => {
    const r = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await r.arrayBuffer());
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      disposition: r.headers.get('content-disposition'),
      rows: r.headers.get('x-centric-rows'),
      truncated: r.headers.get('x-centric-truncated'),
      start: String.fromCharCode(...bytes.slice(0, 4)),
    };
  }, href);
}

/** Both downloads of the same filters: the XLSX is a zip (PK\x03\x04) of as many rows as the CSV. */
async function checkExports(page, { csv, xlsx }) {
  const [asCsv, asXlsx] = [await download(page, csv), await download(page, xlsx)];
  assert.equal(asCsv.status, 200);
  assert.match(asCsv.type, /^text\/csv/);
  assert.equal(asXlsx.status, 200);
  assert.equal(asXlsx.type.split(';')[0].trim(), XLSX_TYPE);
  assert.match(asXlsx.disposition, /^attachment;.*\.xlsx"?$/);
  assert.equal(asXlsx.start, 'PK\x03\x04');
  assert.ok(Number(asXlsx.rows) > 0, `the XLSX export has rows (${asXlsx.rows})`);
  assert.equal(asXlsx.rows, asCsv.rows, 'the XLSX export has as many rows as the CSV one');
  assert.equal(asXlsx.truncated, null);
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
  /** The webhook added below (to a closed port), kept for the axe and screenshot runs. */
  let webhook;

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
    // The unfiltered first page may hold the customer too: wait for the search's own answer.
    await settled(page);
    const link = page.getByRole('region', { name: en['customers.tableLabel'] }).getByRole('link', { name: customer.name }).first();
    await link.waitFor();
    // The search matches names, emails and customer numbers; the list is the server's answer.
    const rows = await page.locator('.customers-table tbody tr').count();
    assert.ok(rows > 0 && rows <= 25, `one page of matches (${rows} rows)`);
  });

  test('exports the searched list as CSV and as Excel, with the same filters', async () => {
    const word = customer.name.split(' ')[0];
    const query = new URLSearchParams({ q: word }).toString();
    const links = await exportLinks(page);
    assert.deepEqual(links, {
      csv: `/api/v1/customers/export.csv?${query}`,
      xlsx: `/api/v1/customers/export.xlsx?${query}`,
    });
    await checkExports(page, links);
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
    // Both exports carry the same filter.
    const links = await exportLinks(page);
    assert.deepEqual(links, {
      csv: `/api/v1/audit/export.csv?customer_id=${customer.id}`,
      xlsx: `/api/v1/audit/export.xlsx?customer_id=${customer.id}`,
    });
    await checkExports(page, links);
    assert.deepEqual(page.problems, []);
  });

  test('adds a webhook, sees its secret once, sends a test, pauses it', async () => {
    const nav = page.getByRole('navigation', { name: en['nav.label'] });
    await nav.getByRole('link', { name: en['nav.webhooks'] }).click();
    await page.getByRole('heading', { level: 1, name: en['webhooks.title'] }).waitFor();
    await settled(page);
    await page.getByText(en['webhooks.addHelp']).waitFor();
    const form = page.locator('form.webhook-form');

    // Nothing ticked: said beside the events, before asking the server.
    await form.getByLabel(en['webhooks.url'], { exact: true }).fill('ftp://127.0.0.1/hook');
    await form.getByRole('button', { name: en['webhooks.addSubmit'] }).click();
    await page.locator('#new-webhook-event_types-error').filter({ hasText: en['webhooks.needEvents'] }).waitFor();
    // The server's refusal goes beside the field it names.
    await form.getByRole('checkbox', { name: en['webhooks.event.interaction.logged'] }).check();
    await form.getByRole('checkbox', { name: en['webhooks.event.order.created'] }).check();
    await form.getByRole('button', { name: en['webhooks.addSubmit'] }).click();
    const urlError = page.locator('#new-webhook-url-error');
    await urlError.filter({ hasText: en['webhooks.refused'].replace('{message}', '') }).waitFor();
    assert.equal(await form.getByLabel(en['webhooks.url'], { exact: true }).getAttribute('aria-invalid'), 'true');

    // Port 9 on loopback is closed: every delivery fails, quickly.
    const url = `http://127.0.0.1:9/e2e-${Date.now()}`;
    const description = `E2E receiver ${Date.now()}`;
    await form.getByLabel(en['webhooks.url'], { exact: true }).fill(url);
    await form.getByLabel(en['webhooks.description'], { exact: true }).fill(description);
    await form.getByRole('button', { name: en['webhooks.addSubmit'] }).click();

    const shown = page.getByTestId('new-secret');
    await shown.waitFor();
    await shown.getByText(en['webhooks.secretOnce']).waitFor();
    await shown.getByText('Centric-Signature: t=').waitFor();
    const secretField = shown.getByLabel(en['webhooks.secretOf'].replace('{name}', description));
    const secret = await secretField.inputValue();
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{40,}$/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await shown.getByRole('button', { name: en['webhooks.copy'], exact: true }).click();
    await shown.getByText(en['webhooks.copied']).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);

    // The API never shows it again.
    const listed = await page.evaluate(async () => (await fetch('/api/v1/webhooks')).text());
    assert.ok(!listed.includes(secret), 'the list of webhooks holds no secret');
    webhook = JSON.parse(listed).items.find((w) => w.description === description);
    assert.ok(webhook, 'the new webhook is listed');
    assert.deepEqual(webhook.event_types, ['order.created', 'interaction.logged']);
    PAGES.find((p) => p.name === 'admin-webhook-log').path = `/admin/webhooks/${webhook.id}`;

    // Closed, it is gone from the page; after a reload too.
    await shown.getByRole('button', { name: en['webhooks.secretDone'] }).click();
    assert.equal(await page.getByTestId('new-secret').count(), 0);
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone once closed');
    await page.reload();
    await settled(page);
    const card = page.getByTestId('webhook').filter({ hasText: description });
    await card.waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone after a reload');
    await card.getByText(en['webhooks.active'], { exact: true }).waitFor();

    // A test ping to a closed port fails, with the error, and lands in the log.
    await card.getByRole('button', { name: en['webhooks.sendTest'] }).click();
    const result = card.getByTestId('test-result');
    await result.waitFor({ timeout: 20_000 });
    const resultText = await result.textContent();
    assert.ok(resultText.startsWith(en['webhooks.testFailed'].replace('{error}', '')), resultText);
    assert.ok(resultText.length > en['webhooks.testFailed'].length, `the error is given: ${resultText}`);
    await card.getByRole('link', { name: en['webhooks.openLog'], exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en['webhooks.logTitle'] }).waitFor();
    await settled(page);
    const row = page.getByTestId('delivery-table').locator('tbody tr').first();
    await row.waitFor();
    const rowText = await row.textContent();
    for (const word of [en['webhooks.ping'], en['webhooks.status.failed']]) assert.ok(rowText.includes(word), `${word} in ${rowText}`);
    const error = (await row.locator('td.delivery-error').textContent()).trim();
    assert.ok(error && error !== '—', `the failed ping has an error (${error})`);
    // The filter keeps it under "failed" and not under "delivered".
    await page.getByRole('navigation', { name: en['webhooks.filterLabel'] }).getByRole('link', { name: en['webhooks.filter.delivered'] }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'delivered');
    await settled(page);
    await page.getByText(en['webhooks.noMatch']).waitFor();
    await page.getByRole('navigation', { name: en['webhooks.filterLabel'] }).getByRole('link', { name: en['webhooks.filter.failed'] }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'failed');
    await settled(page);
    await page.getByTestId('delivery-table').locator('tbody tr').first().waitFor();

    // Paused: said on the page and on the server.
    await page.getByRole('button', { name: en['webhooks.pause'], exact: true }).click();
    await page.getByText(en['webhooks.pausedHelp']).waitFor();
    await page.getByTestId('webhook').getByText(en['webhooks.paused'], { exact: true }).waitFor();
    await page.getByRole('button', { name: en['webhooks.resume'], exact: true }).waitFor();
    const active = await page.evaluate(async (id) => (await (await fetch(`/api/v1/webhooks/${id}`)).json()).active, webhook.id);
    assert.equal(active, false);
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
          // No sideways scrolling of the whole page on a phone: wide tables scroll in place.
          if (size === 'phone') {
            const overflow = await shooter.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 1, `${locale} ${name} is ${overflow}px wider than a ${viewport.width}px phone`);
          }
        }
        assert.deepEqual(shooter.problems, []);
        await shooter.context().close();
      }
    }
  });

  test('deletes the webhook, with its delivery log, after asking', async () => {
    await page.goto(`/admin/webhooks/${webhook.id}`);
    await settled(page);
    await page.getByRole('button', { name: en['webhooks.delete'], exact: true }).click();
    const name = webhook.description;
    await page.getByText(en['webhooks.deleteConfirm'].replace('{name}', name)).waitFor();
    // Cancel first: nothing happens.
    await page.getByRole('button', { name: en['webhooks.cancel'], exact: true }).click();
    assert.equal(await page.getByText(en['webhooks.deleteConfirm'].replace('{name}', name)).count(), 0);
    await page.getByRole('button', { name: en['webhooks.delete'], exact: true }).click();
    await page.getByRole('button', { name: en['webhooks.deleteYes'] }).click();
    await page.getByRole('heading', { level: 1, name: en['webhooks.title'] }).waitFor();
    await page.getByRole('status').filter({ hasText: en['webhooks.deleted'].replace('{name}', name) }).waitFor();
    await settled(page);
    assert.equal(await page.getByTestId('webhook').filter({ hasText: name }).count(), 0);
    const statuses = await page.evaluate(
      async (id) => Promise.all([`/api/v1/webhooks/${id}`, `/api/v1/webhooks/${id}/deliveries`].map(async (p) => (await fetch(p)).status)),
      webhook.id,
    );
    assert.deepEqual(statuses, [404, 404]);
    assert.deepEqual(page.problems, []);
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
      Promise.all(
        ['/api/v1/audit', '/api/v1/audit/export.csv', '/api/v1/audit/export.xlsx'].map(async (path) => (await fetch(path)).status),
      ),
    );
    assert.deepEqual(statuses, [403, 403, 403]);
    await page.context().close();
  });

  test('cannot see or open the webhooks', async () => {
    const page = await newPage(browser);
    await signIn(page, AGENT);
    await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
    const nav = page.getByRole('navigation', { name: en['nav.label'] });
    assert.equal(await nav.getByRole('link', { name: en['nav.webhooks'] }).count(), 0);
    for (const path of ['/admin/webhooks', '/admin/webhooks/1']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: en['notAllowed.title'] }).waitFor();
      assert.equal(await page.getByRole('table').count(), 0);
    }
    const statuses = await page.evaluate(async () =>
      Promise.all(['/api/v1/webhooks', '/api/v1/event-types', '/api/v1/webhooks/1/deliveries'].map(async (path) => (await fetch(path)).status)),
    );
    assert.deepEqual(statuses, [403, 403, 403]);
    await page.context().close();
  });
});

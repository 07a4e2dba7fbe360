// Shared pieces of the end-to-end tests: Chromium from Debian, sign-in, the catalogues (so
// assertions follow the copy), axe-core and screenshots under e2e/artifacts/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export const CHROMIUM = process.env.CENTRIC_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(here, 'artifacts');
export const BASE = (process.env.CENTRIC_E2E_URL ?? '').replace(/\/+$/, '');
export const ADMIN = { email: process.env.CENTRIC_E2E_EMAIL, password: process.env.CENTRIC_E2E_PASSWORD };
export const AGENT = { email: process.env.CENTRIC_E2E_AGENT_EMAIL, password: process.env.CENTRIC_E2E_AGENT_PASSWORD };
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The catalogue of a language, flat: key -> text (plural entries -> their "other" form). */
export function messages(locale) {
  const raw = JSON.parse(readFileSync(join(here, '..', 'src', 'i18n', 'messages', `${locale}.json`), 'utf8'));
  return new Proxy(raw, {
    get(target, key) {
      const entry = target[key];
      if (entry === undefined) throw new Error(`no message ${String(key)} in ${locale}`);
      return typeof entry === 'string' ? entry : entry.other;
    },
  });
}

export async function launch() {
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright-core starts every launch with a fresh, empty profile directory of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookie, empty localStorage) in a language, at a viewport size. */
export async function newPage(browser, { locale = 'en', viewport = DESKTOP } = {}) {
  const context = await browser.newContext({ viewport, locale: locale === 'en' ? 'en-GB' : locale, baseURL: BASE });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('centric.locale')) localStorage.setItem('centric.locale', l);
  }, locale);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.problems = problems;
  return page;
}

/** Fills in and sends the sign-in form (opening /sign-in first unless already there). */
export async function signIn(page, { email, password }, locale = 'en') {
  const t = messages(locale);
  if (new URL(page.url(), 'http://x').pathname !== '/sign-in') await page.goto('/sign-in');
  await page.getByLabel(t['signIn.email']).fill(email);
  await page.getByLabel(t['signIn.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: t['signIn.submit'] }).click();
}

/** Waits for the page's content to settle: no "Loading…" state left. */
export async function settled(page, locale = 'en') {
  const t = messages(locale);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction((text) => ![...document.querySelectorAll('.state-loading')].some((e) => e.textContent?.includes(text)), t['state.loading']);
  await page.waitForLoadState('networkidle');
}

/** axe-core's serious and critical violations on the current page (WCAG 2.x A and AA). */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy (no inline
  // scripts) rightly does not allow a <script> tag to do.
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const results = await page.evaluate(async () => {
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

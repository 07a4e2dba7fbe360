// Whole-process timing of the dashboard: from pressing "Sign in" to a dashboard with every
// section loaded (no loading state left, charts drawn), in Debian's Chromium against a
// running `centric serve`. Prints each run and the median and maximum.
//   CENTRIC_E2E_URL=http://127.0.0.1:8080 CENTRIC_E2E_EMAIL=... CENTRIC_E2E_PASSWORD=... \
//   node bench/dashboard-time.mjs [runs=7]
import { launch, messages, newPage, signIn } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const en = messages('en');
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i++) {
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await page.getByLabel(en['signIn.email']).fill(process.env.CENTRIC_E2E_EMAIL);
  await page.getByLabel(en['signIn.password'], { exact: true }).fill(process.env.CENTRIC_E2E_PASSWORD);
  const started = performance.now();
  await page.getByRole('button', { name: en['signIn.submit'] }).click();
  await page.getByRole('heading', { level: 1, name: en['dashboard.title'] }).waitFor();
  // Every section has answered: no loading state left, and at least one chart drawn.
  await page.waitForFunction(
    () => document.querySelectorAll('.state-loading').length === 0 && document.querySelector('canvas'),
    null,
    { polling: 10 },
  );
  const ms = performance.now() - started;
  times.push(ms);
  console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
  await page.context().close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms over ${runs} runs`);

// `npm run e2e`: checks the environment, then runs the end-to-end tests with node's test
// runner. They drive Debian's Chromium (never a downloaded browser) through playwright-core
// against a real `centric serve` with demo data, e.g.:
//   CENTRIC_E2E_URL=http://127.0.0.1:8080 CENTRIC_E2E_EMAIL=admin@example.com \
//   CENTRIC_E2E_PASSWORD=... CENTRIC_E2E_AGENT_EMAIL=agent@example.com \
//   CENTRIC_E2E_AGENT_PASSWORD=... npm run e2e
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM } from './harness.mjs';

const REQUIRED = {
  CENTRIC_E2E_URL: 'base URL of a running `centric serve` with demo data, e.g. http://127.0.0.1:8080',
  CENTRIC_E2E_EMAIL: 'email of an admin user',
  CENTRIC_E2E_PASSWORD: 'password of that admin user',
  CENTRIC_E2E_AGENT_EMAIL: 'email of an agent user',
  CENTRIC_E2E_AGENT_PASSWORD: 'password of that agent user',
};

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

const missing = Object.keys(REQUIRED).filter((name) => !process.env[name]);
if (missing.length) {
  fail(
    `not run: set ${missing.join(', ')}.\n` +
      Object.entries(REQUIRED)
        .map(([name, what]) => `  ${name.padEnd(28)} ${what}`)
        .join('\n'),
  );
}
if (!existsSync(CHROMIUM)) {
  fail(`not run: no Chromium at ${CHROMIUM} (install Debian's package: apt-get install chromium)`);
}
const base = process.env.CENTRIC_E2E_URL.replace(/\/+$/, '');
try {
  const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
  if (!health.ok) fail(`not run: ${base}/health answered ${health.status}`);
  const index = await fetch(`${base}/`, { signal: AbortSignal.timeout(5000) });
  const html = await index.text();
  if (!index.ok || !html.includes('id="app"')) {
    fail(`not run: ${base}/ does not serve the web app (status ${index.status}); build it with \`npm run build\` and serve web/dist`);
  }
} catch (e) {
  fail(`not run: cannot reach ${base} (${e instanceof Error ? e.message : e})`);
}

const here = dirname(fileURLToPath(import.meta.url));
const result = spawnSync(
  process.execPath,
  // CENTRIC_E2E_SUITE=empty runs the empty-store checks against a server with no data.
  ['--test', '--test-concurrency=1', join(here, `${process.env.CENTRIC_E2E_SUITE ?? 'app'}.test.mjs`)],
  { stdio: 'inherit', env: process.env },
);
process.exit(result.status ?? 1);

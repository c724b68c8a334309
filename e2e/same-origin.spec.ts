import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { chooseExport } from './exportMenu';
import {
  gotoApp,
  inspector,
  node,
  pauseButton,
  readNumber,
  selectNode,
  trainButton,
  waitForReady,
} from './helpers';
import { waitForServiceWorker } from './pwaHelpers';
import { recordCspViolations, recordRequests, staysOnOrigin } from './recorders';

const lab = (page: Page) => page.getByRole('region', { name: 'Lab' });

test('a whole session (edit, train, analyse, share, export, reopen) sends no request off the page origin', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? '').origin;
  const requests = recordRequests(context);
  const violations = await recordCspViolations(page);

  await gotoApp(page, 'wasm');
  await waitForServiceWorker(page);

  // Edit: a layer's width and the dataset.
  await selectNode(page, 'dense1');
  await inspector(page).getByLabel('Units').fill('12');
  await expect(node(page, 'dense1')).toContainText('12 units');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'XOR' });
  await waitForReady(page);

  // Train a while, with every analysis panel open in turn.
  await trainButton(page).click();
  for (const tab of ['Distributions', 'Equivalent affine map', 'Batch dependence', 'Warped grid']) {
    await page.getByRole('tab', { name: tab }).click();
  }
  await expect.poll(() => readNumber(page, 'metric-step'), { timeout: 30_000 }).toBeGreaterThan(200);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeEnabled();

  // Share: the link points at this very page.
  await lab(page).getByRole('button', { name: 'Share link', exact: true }).click();
  const link = await page.getByRole('dialog').getByTestId('share-url').inputValue();
  expect(new URL(link).origin).toBe(origin);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // Export with the trained weights: a download made in the page.
  const downloading = page.waitForEvent('download');
  await chooseExport(page, 'Lab file', { withWeights: true });
  const file = testInfo.outputPath('lab.json');
  await (await downloading).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ dataset: 'xor' });

  // Reopen through the shared link (the backend pinned again: the link leaves out the query).
  await page.goto(link.replace('/#lab=', '/?backend=wasm#lab='));
  await waitForReady(page);
  await expect(node(page, 'dense1')).toContainText('12 units');

  const offOrigin = requests.filter((r) => !staysOnOrigin(r.url, origin)).map((r) => r.url);
  expect(offOrigin).toEqual([]);
  // The recorder saw all three kinds of requester, so "none left" covers them all: the page (its
  // script), the training worker (the .wasm it fetches) and the service worker (its precache).
  expect(requests.some((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url))).toBe(true);
  expect(requests.some((r) => !r.fromServiceWorker && /\.wasm$/.test(r.url))).toBe(true);
  expect(requests.some((r) => r.fromServiceWorker)).toBe(true);
  expect(violations).toEqual([]);
  testInfo.annotations.push({
    type: 'requests',
    description: `${requests.length} requests, all to ${origin}`,
  });
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { NodeKind } from '../src/graph/types';

export type BackendPref = 'cpu' | 'wasm' | 'webgl' | 'auto';

export type { NodeKind } from '../src/graph/types';

/** The six kinds the palette offers, with the palette button's name. */
export const PALETTE: readonly { readonly kind: NodeKind; readonly label: string }[] = [
  { kind: 'dense', label: 'Dense' },
  { kind: 'batchnorm', label: 'BatchNorm' },
  { kind: 'layernorm', label: 'LayerNorm' },
  { kind: 'activation', label: 'Activation' },
  { kind: 'add', label: 'Add' },
  { kind: 'concatenate', label: 'Concatenate' },
];

/** Ids of the first-visit graph, top to bottom: Input -> Dense -> BN -> ReLU -> Dense -> BN -> ReLU -> Output. */
export const DEFAULT_IDS = ['input', 'dense1', 'bn1', 'act1', 'dense2', 'bn2', 'act2', 'output'] as const;

/** Where screenshots meant for people (not failure artifacts) are saved. */
export const SCREENSHOT_DIR = path.join('test-results', 'screenshots');

/** How long the training engine may take to start and build the first model. */
const READY_TIMEOUT = 45_000;

/**
 * Opens the app with the backend pinned through ?backend= and waits until Train is enabled.
 * Training runs at full speed (?speed=full), as the specs' step counts assume; the default slow
 * motion has its own spec.
 */
export async function gotoApp(page: Page, backend: BackendPref = 'cpu'): Promise<void> {
  await page.goto(`/?backend=${backend}&speed=full`);
  await waitForReady(page);
}

/** Waits until the engine has started and built the model: Train is enabled and nothing blocks it. */
export async function waitForReady(page: Page, timeout = READY_TIMEOUT): Promise<void> {
  await expect(trainButton(page)).toBeEnabled({ timeout });
  await expect(page.getByTestId('train-blocked-reason')).toHaveCount(0);
}

export const trainButton = (page: Page): Locator => page.getByRole('button', { name: 'Train', exact: true });
export const pauseButton = (page: Page): Locator => page.getByRole('button', { name: 'Pause', exact: true });
export const stepButton = (page: Page): Locator => page.getByRole('button', { name: 'Step', exact: true });
export const resetButton = (page: Page): Locator => page.getByRole('button', { name: 'Reset', exact: true });

export const canvas = (page: Page): Locator => page.getByRole('region', { name: 'Network graph' });
export const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inspector' });
export const paletteItem = (page: Page, label: string): Locator =>
  page.getByRole('button', { name: label, exact: true });

/** The canvas node (the <article>) with this id. */
export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);

/** All canvas nodes of a kind. */
export const nodesOfKind = (page: Page, kind: NodeKind): Locator =>
  canvas(page).locator(`article[data-kind="${kind}"]`);

/** How many canvas nodes of this kind there are now. */
export async function nodeCount(page: Page, kind: NodeKind): Promise<number> {
  return nodesOfKind(page, kind).count();
}

/** The drawn edges. */
export const edges = (page: Page): Locator => canvas(page).locator('.react-flow__edge');

/** React Flow's handle of a node: 'source' (bottom, output) or 'target' (top, input). */
export const handle = (page: Page, nodeId: string, type: 'source' | 'target'): Locator =>
  canvas(page).locator(`.react-flow__node[data-id="${nodeId}"] .react-flow__handle.${type}`);

/**
 * Presses the canvas's "Fit View" control so every node is in sight, and waits until the
 * viewport stops moving (node positions on screen are stable).
 */
export async function fitView(page: Page): Promise<void> {
  await canvas(page).getByRole('button', { name: 'Fit View' }).click();
  const viewport = canvas(page).locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = (await viewport.getAttribute('style')) ?? '';
      const stable = now === last;
      last = now;
      return stable;
    })
    .toBe(true);
}

async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no bounding box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Draws an edge the way a person does: press on the source node's bottom handle, move in steps
 * onto the target node's top handle, release.
 */
export async function connect(page: Page, sourceId: string, targetId: string): Promise<void> {
  const from = await centerOf(handle(page, sourceId, 'source'));
  const to = await centerOf(handle(page, targetId, 'target'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Drags from a node's output handle and drops on another node's body (not on its handle). */
export async function connectToBody(page: Page, sourceId: string, targetId: string): Promise<void> {
  const from = await centerOf(handle(page, sourceId, 'source'));
  const box = await node(page, targetId).boundingBox();
  if (!box) throw new Error(`node ${targetId} is not on screen`);
  // Lower middle of the body: well away from the top (input) handle.
  const to = { x: box.x + box.width / 2, y: box.y + box.height * 0.6 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Drags a palette item onto the canvas with HTML5 drag and drop, dropping at (x, y) in the canvas. */
export async function dropFromPalette(
  page: Page,
  label: string,
  at: { x: number; y: number },
): Promise<void> {
  await paletteItem(page, label).dragTo(canvas(page), { targetPosition: at });
}

/** Clicks a node (its middle, away from the handles), which selects it and shows it in the Inspector. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await node(page, id).click();
  await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText(`(${id})`);
}

/** The number a readout shows ("0.123", "96.4%", "1.2e-4"); NaN for "—" or anything else. */
export async function readNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const cleaned = text.trim().replace(/%$/, '');
  return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/**
 * The readout's number once it has stopped changing (the same on reads `quietMs` apart). After
 * Pause the engine first reports "not running", then sends its final metrics: wait for those.
 */
export async function readSettled(page: Page, testId: string, quietMs = 400): Promise<number> {
  let last = Number.NaN;
  await expect
    .poll(
      async () => {
        const now = await readNumber(page, testId);
        const settled = now === last;
        last = now;
        return settled;
      },
      { message: `${testId} settles`, intervals: [quietMs] },
    )
    .toBe(true);
  return last;
}

/** The backend that actually runs, from the badge's first word ("wasm", "cpu", "webgl"), or null. */
export async function activeBackend(page: Page): Promise<string | null> {
  const name = await page.getByTestId('backend-badge').locator('strong').textContent();
  const word = name?.trim().toLowerCase() ?? '';
  return ['webgl', 'wasm', 'cpu'].includes(word) ? word : null;
}

/** A full-page screenshot under test-results/screenshots/ (the folder is created when missing). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

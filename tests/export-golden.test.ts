import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportKeras, exportPyTorch } from '../src/export';
import { exportInputOf } from './export/fixtures';
import { defaultLab, residualLab } from './export/goldenLabs';
import { PYTHON, SKIP_TORCH } from './export/python';
import { roundTripCases } from './export/roundtripCases';

/*
 * The generated text for two labs, compared with tests/golden/*.py. After a deliberate change to
 * the generators, run `UPDATE_GOLDEN=1 npx vitest run tests/export-golden.test.ts` and read the diff.
 * Every Keras file (these and the round trip's random graphs) must pass `python3 -m py_compile`:
 * no TensorFlow is reachable here, so that and the table tests are all Keras gets.
 */

const GOLDEN = path.join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const dir = mkdtempSync(path.join(tmpdir(), 'normlab-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LABS = { default: defaultLab, residual: residualLab } as const;
const TARGETS = { pytorch: exportPyTorch, keras: exportKeras } as const;

/** Runs `python3 -m py_compile` on files; fails loudly (not skips) when there is no Python. */
function pyCompile(files: string[]): void {
  const r = spawnSync(PYTHON, ['-m', 'py_compile', ...files], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPYCACHEPREFIX: path.join(dir, 'pycache') },
  });
  if (r.error && SKIP_TORCH) {
    console.warn(
      `PYTHON MISSING (${PYTHON}: ${r.error.message}): py_compile skipped (NORMLAB_SKIP_TORCH=1).`,
    );
    return;
  }
  expect(r.error?.message ?? '', `${PYTHON} must run (or set NORMLAB_SKIP_TORCH=1)`).toBe('');
  expect(r.status, r.stderr).toBe(0);
}

describe('golden files', () => {
  for (const [lab, make] of Object.entries(LABS)) {
    for (const [target, generate] of Object.entries(TARGETS)) {
      it(`${lab} lab, ${target}: the text is tests/golden/${lab}.${target}.py and compiles`, () => {
        const result = generate(make());
        if (!result.ok) throw new Error(result.problems.join('\n'));
        const file = path.join(GOLDEN, `${lab}.${target}.py`);
        if (UPDATE || !existsSync(file)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, result.text);
          if (!UPDATE) throw new Error(`${file} did not exist: written now, check it and commit it.`);
        }
        expect(result.text).toBe(readFileSync(file, 'utf8'));
        pyCompile([file]);
      });
    }
  }
});

describe('generated files', () => {
  it('the Keras and PyTorch files of 24 random graphs compile', () => {
    const files = roundTripCases(24, 3).flatMap((c, i) => {
      const input = exportInputOf(c.config, c.dataset, null, null);
      return Object.entries(TARGETS).map(([target, generate]) => {
        const result = generate(input);
        if (!result.ok) throw new Error(result.problems.join('\n'));
        const file = path.join(dir, `r${i}_${target}.py`);
        writeFileSync(file, result.text);
        return file;
      });
    });
    pyCompile(files);
  });

  it('file names, and the data and weights embedded as base64 float32, not decimal lists', () => {
    const lab = defaultLab();
    const torch = exportPyTorch(lab);
    const keras = exportKeras(lab);
    if (!torch.ok || !keras.ok) throw new Error('refused');
    expect([torch.fileName, keras.fileName]).toEqual(['normlab_pytorch.py', 'normlab_keras.py']);
    // 0.5, -1 as little-endian float32: 0000003f 000080bf -> base64 "AAAAPwAAgL8".
    expect(torch.text).toContain('"x_train": "AAAAPwAAgL8');
    expect(torch.text).not.toMatch(/\[\s*0\.5,\s*-1/);
    expect(torch.text).toContain('TRAINED_STEP = 120');
    expect(torch.text).toContain('of the lab "Golden: the default graph"');
    // The conversion shows in each file's own terms.
    expect(torch.text).toContain('model.dense1.weight.copy_(w["dense1"]["kernel"].reshape(2, 8).t())');
    expect(keras.text).toContain(
      'model.get_layer("dense1").set_weights([w["dense1"]["kernel"].reshape(2, 8), w["dense1"]["bias"]])',
    );
    expect(torch.text).toContain('BatchNorm(8, momentum=1 - 0.9, eps=0.001');
    expect(keras.text).toContain('layers.BatchNormalization(momentum=0.9, epsilon=0.001');
  });

  it('a lab without data or weights says so and starts from a seeded initialization', () => {
    const result = exportPyTorch(residualLab());
    if (!result.ok) throw new Error('refused');
    expect(result.text).toContain('DATA = None');
    expect(result.text).toContain('NORMLAB_WEIGHTS = None');
    expect(result.text).not.toContain('def load_normlab_weights');
    // Node ids become unique, valid Python names; the ids stay in comments and weight keys.
    expect(result.text).toContain('self.my_layer_v2_ = nn.Linear(2, 4, bias=False)  # dense "my-layer.v2:"');
    expect(result.text).toContain('self.class_ = LayerNorm(4, eps=0.00001, center=False, scale=True)');
    expect(result.text).toContain('self.n3 = nn.GELU()');
    expect(result.text).toContain('cat = torch.cat([sum_, in_], dim=-1)');
  });
});

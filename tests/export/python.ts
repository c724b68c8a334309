import { spawnSync } from 'node:child_process';

/**
 * The Python the export tests run: NORMLAB_PYTHON, else Debian's /usr/bin/python3 (the one
 * python3-torch installs for), never whatever python3 comes first on PATH (a pyenv shim).
 */
export const PYTHON = process.env.NORMLAB_PYTHON ?? '/usr/bin/python3';

/** NORMLAB_SKIP_TORCH=1: the PyTorch checks are skipped (loudly) instead of failing. */
export const SKIP_TORCH = process.env.NORMLAB_SKIP_TORCH === '1';

/** Whether PYTHON runs at all, and which torch it imports (null with the reason when none). */
export function probeTorch(): { python: boolean; torch: string | null; reason: string } {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (r.error) return { python: false, torch: null, reason: `${PYTHON} cannot be run: ${r.error.message}` };
  if (r.status !== 0) {
    const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
    return { python: true, torch: null, reason: `${PYTHON} cannot import torch: ${last}` };
  }
  return { python: true, torch: r.stdout.trim(), reason: '' };
}

/** How to get PyTorch, for the loud message. */
export const HOW_TO_GET_TORCH =
  'Install Debian\'s PyTorch with "apt-get install python3-torch" (.ci/run does it when run as root), ' +
  'point NORMLAB_PYTHON at a python3 that has torch, or set NORMLAB_SKIP_TORCH=1 to skip these checks.';

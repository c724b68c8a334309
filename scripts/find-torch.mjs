#!/usr/bin/env node
// Makes sure Debian's python3-torch is there for the PyTorch export's round trip
// (tests/export-pytorch-roundtrip.test.ts runs the generated files under /usr/bin/python3, or
// NORMLAB_PYTHON: never a pyenv python that may come first on PATH). With --ensure, as root on
// Debian/Ubuntu, it installs python3-torch with apt-get; otherwise it says what to run. It never
// fails: the test itself fails loudly, saying why, when no PyTorch can be imported.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const python = process.env.NORMLAB_PYTHON ?? '/usr/bin/python3';
const hasTorch = () => spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

if (process.env.NORMLAB_SKIP_TORCH === '1' || hasTorch()) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!process.argv.includes('--ensure') || !root || !apt) {
  console.log(
    `find-torch: ${python} cannot import torch; install it with: sudo apt-get install python3-torch`,
  );
  process.exit(0);
}
console.log('find-torch: installing python3-torch with apt-get (for the PyTorch export test)');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const install = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq python3-torch'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
if (install.status !== 0 || !hasTorch()) {
  console.log(
    'find-torch: apt-get could not install python3-torch: the PyTorch export test will fail and say why',
  );
}

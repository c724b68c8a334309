import type { Rng } from '../lib/rng';

/** A generator fills `n` points (x, y) and their targets, using `noise` in 0..1. */
export type Generator = (n: number, noise: number, rng: Rng) => { x: Float32Array; y: Float32Array };

/** Points live in [-5, 5]^2, like tensorflow/playground, so the grid [-6, 6]^2 frames them. */
const R = 5;

function make(n: number, fill: (i: number) => [number, number, number]) {
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, t] = fill(i);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = t;
  }
  return { x, y };
}

/** Class 1 inside radius R/2, class 0 in the ring R*0.7..R; noise jitters positions by up to noise*R/2. */
export const circle: Generator = (n, noise, rng) =>
  make(n, (i) => {
    const inner = i % 2 === 0;
    const r = inner ? rng.uniform(0, R * 0.5) : rng.uniform(R * 0.7, R);
    const a = rng.uniform(0, 2 * Math.PI);
    const j = (noise * R) / 2;
    return [r * Math.cos(a) + rng.uniform(-j, j), r * Math.sin(a) + rng.uniform(-j, j), inner ? 1 : 0];
  });

/** Class 1 where x*y > 0 (quadrants I and III); points keep a small margin from the axes. */
export const xor: Generator = (n, noise, rng) =>
  make(n, () => {
    const pad = 0.3;
    const a = rng.uniform(-R, R);
    const b = rng.uniform(-R, R);
    const px = a + (a > 0 ? pad : -pad);
    const py = b + (b > 0 ? pad : -pad);
    const j = (noise * R) / 2;
    return [px + rng.uniform(-j, j), py + rng.uniform(-j, j), px * py > 0 ? 1 : 0];
  });

/** Two isotropic Gaussians at (2, 2) (class 1) and (-2, -2) (class 0); noise widens them. */
export const gaussian: Generator = (n, noise, rng) =>
  make(n, (i) => {
    const pos = i % 2 === 0;
    const sd = 0.7 + 2.5 * noise;
    const c = pos ? 2 : -2;
    return [c + sd * rng.normal(), c + sd * rng.normal(), pos ? 1 : 0];
  });

function spiralArms(arms: number): Generator {
  return (n, noise, rng) =>
    make(n, (i) => {
      const arm = i % arms;
      const t = rng.next();
      const r = 0.4 + t * (R - 0.4);
      const angle = 1.75 * t * 2 * Math.PI + (arm * 2 * Math.PI) / arms;
      const j = noise * 1.5;
      return [r * Math.sin(angle) + rng.uniform(-j, j), r * Math.cos(angle) + rng.uniform(-j, j), arm];
    });
}

/** Two interleaved spiral arms, classes 0 and 1. */
export const spiral: Generator = spiralArms(2);
/** Three interleaved spiral arms, classes 0, 1, 2. */
export const spiral3: Generator = spiralArms(3);

/** Two interleaving half circles (scikit-learn's make_moons), scaled to [-5, 5]. */
export const moons: Generator = (n, noise, rng) =>
  make(n, (i) => {
    const upper = i % 2 === 0;
    const t = rng.uniform(0, Math.PI);
    const [a, b] = upper ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    const s = 3.2;
    const sd = noise * 0.6;
    return [(a - 0.5) * s + sd * s * rng.normal(), (b - 0.25) * s + sd * s * rng.normal(), upper ? 0 : 1];
  });

/** Regression target sin(0.6 x) * cos(0.6 y) in [-1, 1], plus Gaussian noise of sd noise/2. */
export const wave: Generator = (n, noise, rng) =>
  make(n, () => {
    const a = rng.uniform(-R, R);
    const b = rng.uniform(-R, R);
    return [a, b, Math.sin(0.6 * a) * Math.cos(0.6 * b) + (noise / 2) * rng.normal()];
  });

import * as tf from '../../compile/tf';
import { embedPlane } from '../../data/slice';
import { maxBend, principalPlane } from '../../lib/linalg';
import { inferAll } from '../infer';
import type { WarpLine, WarpReport } from '../protocol';
import { nodeOf, type ProbeContext } from './context';
import { subModel } from './subModel';

/** Grid lines per direction, and points sampled along each. */
export const WARP_LINES = 9;
export const WARP_SAMPLES = 48;

/** Points along WARP_LINES horizontal then WARP_LINES vertical lines across the data's square domain. */
export function gridLinePoints(domain: readonly [number, number]): Float32Array {
  const [lo, hi] = domain;
  const out = new Float32Array(2 * WARP_LINES * WARP_SAMPLES * 2);
  let k = 0;
  for (const axis of ['h', 'v'] as const) {
    for (let l = 0; l < WARP_LINES; l++) {
      const fixed = lo + ((hi - lo) * l) / (WARP_LINES - 1);
      for (let s = 0; s < WARP_SAMPLES; s++) {
        const moving = lo + ((hi - lo) * s) / (WARP_SAMPLES - 1);
        out[k++] = axis === 'h' ? moving : fixed;
        out[k++] = axis === 'h' ? fixed : moving;
      }
    }
  }
  return out;
}

/**
 * The image of the input plane's grid lines at one node, in inference mode (with more than two
 * inputs, the plane of the slice: the plane's two inputs vary, the others stay at 0): the node's two
 * units, or the first two principal components of a wider node. Affine layers keep lines
 * straight (an affine map sends a line to a line); ReLU, tanh and LayerNorm bend them.
 */
export async function probeWarp(c: ProbeContext, nodeId: string): Promise<WarpReport> {
  const node = nodeOf(c.config, nodeId);
  const pts = gridLinePoints(c.config.data.domain);
  const n = pts.length / 2;
  let out: Float32Array = pts;
  let width = 2;
  if (node.kind !== 'input') {
    const d = c.config.ctx.inputDim;
    const rows = embedPlane(pts, d, c.plane);
    const y = tf.tidy(() => inferAll(subModel(c.compiled.model, nodeId), tf.tensor2d(rows, [n, d])));
    width = y.shape[1] as number;
    out = (await y.data()) as Float32Array;
    y.dispose();
  }
  if (width < 2) throw new Error(`${nodeId} has 1 unit: a line, not a plane, so there is no grid to draw.`);
  const plane = width === 2 ? { coords: out, explained: 1 } : principalPlane(out, n, width);
  const lines: WarpLine[] = [];
  for (let l = 0; l < 2 * WARP_LINES; l++) {
    lines.push({
      axis: l < WARP_LINES ? 'h' : 'v',
      points: plane.coords.slice(l * WARP_SAMPLES * 2, (l + 1) * WARP_SAMPLES * 2),
    });
  }
  return {
    nodeId,
    step: c.step,
    width,
    projected: width > 2,
    explained: plane.explained,
    lines,
    bend: Math.max(...lines.map((l) => maxBend(l.points))),
  };
}

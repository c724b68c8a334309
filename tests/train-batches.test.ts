import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../src/compile/tf';
import { BatchStream } from '../src/train/batches';
import { useCpu } from './helpers';

beforeAll(useCpu);

/** Rows 0..n-1: x = [i, -i], y = [i], so a batch's rows name themselves. */
function rows(n: number) {
  const x = tf.tensor2d(Array.from({ length: n }, (_, i) => [i, -i]));
  const y = tf.tensor2d(Array.from({ length: n }, (_, i) => [i]));
  return { x, y };
}

async function epoch(stream: BatchStream, size: number, batches: number): Promise<number[][]> {
  const out: number[][] = [];
  for (let b = 0; b < batches; b++) {
    const { x, y } = stream.next(size);
    const xs = await x.array();
    const ys = (await y.array()).map((r) => r[0] as number);
    expect(xs.map((r) => r[0])).toEqual(ys); // x and y rows stay paired
    out.push(ys);
  }
  return out;
}

describe('BatchStream', () => {
  it('serves every row at most once an epoch, in full batches, then reshuffles', async () => {
    const { x, y } = rows(10);
    const s = new BatchStream(x, y, 7);
    const first = await epoch(s, 3, 3); // 3 full batches of 3; the 10th row waits
    const seen = first.flat();
    expect(first.every((b) => b.length === 3)).toBe(true);
    expect(new Set(seen).size).toBe(9);
    expect(s.epochs).toBe(0);
    const second = await epoch(s, 3, 3);
    expect(s.epochs).toBe(1);
    expect(second).not.toEqual(first);
    s.dispose();
    tf.dispose([x, y]);
  });

  it('gives the same batches for the same seed, other batches for another', async () => {
    const { x, y } = rows(20);
    const take = async (seed: number) => {
      const s = new BatchStream(x, y, seed);
      const e = await epoch(s, 4, 5);
      s.dispose();
      return e;
    };
    expect(await take(3)).toEqual(await take(3));
    expect(await take(3)).not.toEqual(await take(4));
    tf.dispose([x, y]);
  });

  it('starts a new epoch when the batch size changes, and holds no tensors after dispose', async () => {
    const { x, y } = rows(12);
    const before = tf.memory().numTensors;
    const s = new BatchStream(x, y, 1);
    await epoch(s, 4, 2);
    const [b] = await epoch(s, 5, 1);
    expect(b).toHaveLength(5);
    tf.tidy(() => s.next(5)); // a shuffle inside a caller's tidy keeps its batches
    expect((await s.next(5).x.array()).length).toBe(5);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });
});

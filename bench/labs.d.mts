// Types for labs.mjs (the tests check the benchmark's graphs against the app's validation).
import type { Graph } from '../src/graph/types';

export const ACCURACY_DATASETS: readonly string[];
export function blockGraph(widths: readonly number[]): Graph;
export function blockParams(widths: readonly number[], inputs?: number, outputs?: number): number;
export const WORKLOADS: readonly {
  id: string;
  label: string;
  hidden: readonly number[];
  batchSize: number;
  graph: Graph;
  params: number;
  data: { dataset: string; samples: number };
  hyper: { optimizer: string; learningRate: number; batchSize: number; l2: number };
}[];
export const BIG_NET: {
  id: string;
  label: string;
  hidden: readonly number[];
  data: { dataset: string; samples: number };
  graph: Graph;
  params: number;
};

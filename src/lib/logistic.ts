import { gaussSolve } from './linalg';

/**
 * A fitted linear classifier: multinomial logistic (softmax) regression with class 0 as the
 * reference (its logit is fixed at 0), so binary data is plain logistic regression.
 * logit_k(x) = b_k + sum_a x_a W[a][k - 1] for k >= 1, logit_0 = 0; prediction = argmax.
 */
export interface LinearClassifier {
  readonly dim: number;
  readonly classes: number;
  /** Weights in the data's own coordinates: [dim][classes - 1]. */
  readonly weights: readonly (readonly number[])[];
  /** Biases in the data's own coordinates: [classes - 1]. */
  readonly bias: readonly number[];
  /** Newton iterations taken, and whether the Newton decrement fell below tolerance. */
  readonly iterations: number;
  readonly converged: boolean;
}

/** Fitting options: `ridge` is λ in mean NLL + (λ/2)·|W|² on standardised weights (biases free). */
export interface FitOptions {
  readonly ridge?: number;
  readonly maxIterations?: number;
}

const DEFAULT_RIDGE = 1e-4;

/** Column means and standard deviations (population; 0 read as 1, so a constant column stays 0). */
function standardizer(x: ArrayLike<number>, n: number, dim: number) {
  const mean = new Float64Array(dim);
  const std = new Float64Array(dim);
  for (let a = 0; a < dim; a++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i * dim + a] as number;
    const m = s / Math.max(n, 1);
    let ss = 0;
    for (let i = 0; i < n; i++) ss += ((x[i * dim + a] as number) - m) ** 2;
    mean[a] = m;
    std[a] = Math.sqrt(ss / Math.max(n, 1)) || 1;
  }
  return { mean, std };
}

/**
 * Class probabilities of every row for parameters theta (column j holds class j + 1's weights
 * over the p = dim + 1 design columns, bias last), by a stable softmax (max logit subtracted).
 * Returns the probabilities (row-major [n, K]) and the mean negative log-likelihood.
 */
function probabilities(
  z: Float64Array,
  y: ArrayLike<number>,
  n: number,
  p: number,
  K: number,
  theta: Float64Array,
) {
  const P = new Float64Array(n * K);
  const logits = new Float64Array(K);
  let nll = 0;
  for (let i = 0; i < n; i++) {
    let max = 0;
    logits[0] = 0;
    for (let k = 1; k < K; k++) {
      let s = 0;
      for (let a = 0; a < p; a++) s += (z[i * p + a] as number) * (theta[(k - 1) * p + a] as number);
      logits[k] = s;
      max = Math.max(max, s);
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp((logits[k] as number) - max);
    for (let k = 0; k < K; k++) P[i * K + k] = Math.exp((logits[k] as number) - max) / sum;
    nll -= (logits[y[i] as number] as number) - max - Math.log(sum);
  }
  return { P, nll: nll / Math.max(n, 1) };
}

/** The penalised objective: mean NLL + (λ/2) Σ W² over weights (not biases). */
function objective(nll: number, theta: Float64Array, p: number, ridge: number): number {
  let pen = 0;
  for (let i = 0; i < theta.length; i++) if (i % p !== p - 1) pen += (theta[i] as number) ** 2;
  return nll + 0.5 * ridge * pen;
}

/**
 * Fits softmax regression (logistic regression for 2 classes) on n rows of `dim` features
 * (row-major) with labels 0..classes-1, by Newton's method (= iteratively reweighted least
 * squares; Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4.1) with a
 * backtracking (Armijo) line search. Features are standardised first; a small ridge keeps the
 * optimum finite on separable data, where the unpenalised one runs off to infinity.
 * Gradient g = Zᵀ(P - Y)/n + λW; Hessian H[(a,j),(b,k)] = Σ_i z_ia z_ib P_ij (δ_jk - P_ik)/n + λδ.
 * Deterministic (plain float64 arithmetic, fixed zero start).
 */
export function fitLinearClassifier(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  dim: number,
  classes: number,
  options: FitOptions = {},
): LinearClassifier {
  const ridge = options.ridge ?? DEFAULT_RIDGE;
  const maxIterations = options.maxIterations ?? 100;
  const n = y.length;
  const K = Math.max(2, classes);
  const p = dim + 1;
  const m = K - 1;
  const q = p * m;
  const { mean, std } = standardizer(x, n, dim);
  const z = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < dim; a++)
      z[i * p + a] = ((x[i * dim + a] as number) - (mean[a] as number)) / (std[a] as number);
    z[i * p + dim] = 1;
  }
  let theta = new Float64Array(q);
  let { P, nll } = probabilities(z, y, n, p, K, theta);
  let f = objective(nll, theta, p, ridge);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const g = new Float64Array(q);
    const H = new Float64Array(q * q);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const pij = P[i * K + j + 1] as number;
        const r = pij - (y[i] === j + 1 ? 1 : 0);
        for (let a = 0; a < p; a++) {
          const za = z[i * p + a] as number;
          g[j * p + a] = (g[j * p + a] as number) + (za * r) / n;
          for (let k = 0; k < m; k++) {
            const w = (pij * ((j === k ? 1 : 0) - (P[i * K + k + 1] as number))) / n;
            if (w === 0) continue;
            for (let b = 0; b < p; b++) {
              const at = (j * p + a) * q + k * p + b;
              H[at] = (H[at] as number) + w * za * (z[i * p + b] as number);
            }
          }
        }
      }
    }
    for (let i = 0; i < q; i++) {
      const bias = i % p === p - 1;
      if (!bias) g[i] = (g[i] as number) + ridge * (theta[i] as number);
      // A whisker on the bias diagonal too: a class absent from the data has no finite bias.
      H[i * q + i] = (H[i * q + i] as number) + (bias ? 1e-10 : ridge);
    }
    const step = g.slice();
    if (!gaussSolve(H, step, q, 1, 0)) break;
    // Newton decrement λ² = gᵀ H⁻¹ g: half of it estimates how far f is from its minimum.
    let decrement = 0;
    for (let i = 0; i < q; i++) decrement += (g[i] as number) * (step[i] as number);
    if (!(decrement > 2e-14)) {
      converged = true;
      break;
    }
    let t = 1;
    let next = theta;
    let nextFit = { P, nll };
    let nextF = f;
    for (let tries = 0; tries < 40; tries++) {
      next = theta.map((v, i) => v - t * (step[i] as number));
      nextFit = probabilities(z, y, n, p, K, next);
      nextF = objective(nextFit.nll, next, p, ridge);
      if (nextF <= f - 1e-4 * t * decrement) break;
      t /= 2;
    }
    if (!(nextF < f)) {
      converged = true;
      break;
    }
    theta = next;
    ({ P, nll } = nextFit);
    f = nextF;
  }
  // Back to the data's coordinates: w_a = θ_a / s_a, b = θ_b - Σ_a θ_a μ_a / s_a.
  const weights = Array.from({ length: dim }, (_, a) =>
    Array.from({ length: m }, (_, j) => (theta[j * p + a] as number) / (std[a] as number)),
  );
  const bias = Array.from({ length: m }, (_, j) => {
    let b = theta[j * p + dim] as number;
    for (let a = 0; a < dim; a++)
      b -= ((theta[j * p + a] as number) * (mean[a] as number)) / (std[a] as number);
    return b;
  });
  return { dim, classes: K, weights, bias, iterations, converged };
}

/** The predicted class of each of the rows of x (row-major [n, dim]): argmax of the logits, ties to the lower class. */
export function classifyLinear(model: LinearClassifier, x: ArrayLike<number>): Int32Array {
  const n = Math.floor(x.length / Math.max(model.dim, 1));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestLogit = 0;
    for (let k = 1; k < model.classes; k++) {
      let s = model.bias[k - 1] as number;
      for (let a = 0; a < model.dim; a++)
        s += (x[i * model.dim + a] as number) * (model.weights[a]?.[k - 1] as number);
      if (s > bestLogit) {
        best = k;
        bestLogit = s;
      }
    }
    out[i] = best;
  }
  return out;
}

/** Share of rows whose predicted class equals the label; 0 when there are no rows. */
export function linearAccuracy(model: LinearClassifier, x: ArrayLike<number>, y: ArrayLike<number>): number {
  const predicted = classifyLinear(model, x);
  let right = 0;
  for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) right++;
  return y.length === 0 ? 0 : right / y.length;
}

import { createRng } from './rng';

/**
 * Solves M X = R in place for X (M is d x d, R is d x m, both row-major float64) by Gaussian
 * elimination with partial pivoting; X overwrites R. Returns false, leaving M and R in an
 * undefined state, when a pivot falls below `tol` (M numerically singular).
 */
export function gaussSolve(M: Float64Array, R: Float64Array, d: number, m: number, tol: number): boolean {
  for (let col = 0; col < d; col++) {
    let p = col;
    for (let r = col + 1; r < d; r++)
      if (Math.abs(M[r * d + col] as number) > Math.abs(M[p * d + col] as number)) p = r;
    const pivot = M[p * d + col] as number;
    if (!(Math.abs(pivot) > tol)) return false;
    if (p !== col) {
      for (let c = 0; c < d; c++)
        [M[p * d + c], M[col * d + c]] = [M[col * d + c] as number, M[p * d + c] as number];
      for (let c = 0; c < m; c++)
        [R[p * m + c], R[col * m + c]] = [R[col * m + c] as number, R[p * m + c] as number];
    }
    for (let r = col + 1; r < d; r++) {
      const f = (M[r * d + col] as number) / pivot;
      if (f === 0) continue;
      for (let c = col; c < d; c++) M[r * d + c] = (M[r * d + c] as number) - f * (M[col * d + c] as number);
      for (let c = 0; c < m; c++) R[r * m + c] = (R[r * m + c] as number) - f * (R[col * m + c] as number);
    }
  }
  for (let row = d - 1; row >= 0; row--) {
    for (let c = 0; c < m; c++) {
      let s = R[row * m + c] as number;
      for (let k = row + 1; k < d; k++) s -= (M[row * d + k] as number) * (R[k * m + c] as number);
      R[row * m + c] = s / (M[row * d + row] as number);
    }
  }
  return true;
}

/** Column means of a row-major [n, dim] matrix, in float64. */
function columnMeans(a: ArrayLike<number>, n: number, dim: number): Float64Array {
  const mean = new Float64Array(dim);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < dim; c++) mean[c] = (mean[c] as number) + (a[r * dim + c] as number);
  for (let c = 0; c < dim; c++) mean[c] = (mean[c] as number) / Math.max(n, 1);
  return mean;
}

/**
 * R^2 of the least-squares affine fit y ≈ x A + c over n rows (x row-major [n, inDim], y
 * row-major [n, outDim]), pooled over outputs: 1 - sum SSres / sum SStot. When SStot is 0
 * (constant output) returns 1; clamped to [0, 1].
 * Centring x and y first decouples the intercept row of the (inDim+1)-square normal equations,
 * leaving (Xc^T Xc) A = Xc^T Yc, solved in float64 by partial-pivot Gaussian elimination; a tiny
 * ridge (1e-10 of the largest diagonal) is added when that system is singular.
 */
export function affineFitR2(
  x: ArrayLike<number>,
  inDim: number,
  y: ArrayLike<number>,
  outDim: number,
): number {
  const n = outDim > 0 ? Math.floor(y.length / outDim) : 0;
  if (inDim > 0 && x.length < n * inDim) throw new RangeError('affineFitR2: x has fewer rows than y.');
  const mx = columnMeans(x, n, inDim);
  const my = columnMeans(y, n, outDim);
  const xc = (r: number, c: number) => (x[r * inDim + c] as number) - (mx[c] as number);
  const yc = (r: number, c: number) => (y[r * outDim + c] as number) - (my[c] as number);
  let ssTot = 0;
  let sumSq = 0;
  for (let i = 0; i < n * outDim; i++) sumSq += (y[i] as number) ** 2;
  for (let r = 0; r < n; r++) for (let c = 0; c < outDim; c++) ssTot += yc(r, c) ** 2;
  // Rounding in the mean leaves ~1e-32 of relative "variance" in a constant column: treat as 0.
  if (!(ssTot > 1e-20 * sumSq)) return 1;
  const G = new Float64Array(inDim * inDim);
  const B = new Float64Array(inDim * outDim);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < inDim; i++) {
      const xi = xc(r, i);
      for (let j = 0; j < inDim; j++) G[i * inDim + j] = (G[i * inDim + j] as number) + xi * xc(r, j);
      for (let k = 0; k < outDim; k++) B[i * outDim + k] = (B[i * outDim + k] as number) + xi * yc(r, k);
    }
  }
  let scale = 0;
  for (let i = 0; i < inDim; i++) scale = Math.max(scale, G[i * inDim + i] as number);
  let A = B.slice();
  if (scale > 0 && !gaussSolve(G.slice(), A, inDim, outDim, 1e-12 * scale)) {
    const ridged = G.slice();
    for (let i = 0; i < inDim; i++) ridged[i * inDim + i] = (ridged[i * inDim + i] as number) + 1e-10 * scale;
    A = B.slice();
    gaussSolve(ridged, A, inDim, outDim, 0);
  }
  if (!(scale > 0)) A.fill(0);
  let ssRes = 0;
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < outDim; k++) {
      let pred = 0;
      for (let i = 0; i < inDim; i++) pred += xc(r, i) * (A[i * outDim + k] as number);
      ssRes += (yc(r, k) - pred) ** 2;
    }
  }
  return Math.min(1, Math.max(0, 1 - ssRes / ssTot));
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

/** y = C v for a symmetric dim x dim row-major C. */
function matVec(C: Float64Array, v: Float64Array): Float64Array {
  const d = v.length;
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (C[i * d + j] as number) * (v[j] as number);
    out[i] = s;
  }
  return out;
}

/** Scales v to unit length, or returns false when it is too short to have a direction. */
function normalize(v: Float64Array, minNorm: number): boolean {
  const len = Math.sqrt(dot(v, v));
  if (!(len > minNorm)) return false;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / len;
  return true;
}

/** Removes from v its component along unit u (twice, for orthogonality to rounding). */
function orthogonalize(v: Float64Array, u: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    const p = dot(v, u);
    for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) - p * (u[i] as number);
  }
}

/** Orthonormal basis of span(z1, z2), filling in any direction where the span is degenerate. */
function orthonormalPair(z1: Float64Array, z2: Float64Array): [Float64Array, Float64Array] {
  const d = z1.length;
  const len1 = Math.sqrt(dot(z1, z1));
  const q1 = z1.slice();
  if (!normalize(q1, 1e-300)) {
    q1.fill(0);
    q1[0] = 1;
  }
  const q2 = z2.slice();
  orthogonalize(q2, q1);
  if (!normalize(q2, 1e-12 * len1)) {
    let j = 0;
    for (let i = 1; i < d; i++) if (Math.abs(q1[i] as number) < Math.abs(q1[j] as number)) j = i;
    q2.fill(0)[j] = 1;
    orthogonalize(q2, q1);
    normalize(q2, 0);
  }
  return [q1, q2];
}

/**
 * Projects n rows of width dim onto their first two principal components: the top two
 * eigenvectors of the covariance C of the centred data, found by orthogonal (subspace)
 * iteration Q <- orth(C Q) from a fixed seeded start, then a 2x2 Rayleigh-Ritz rotation so the
 * first coordinate carries the most variance. Returns row-major [n, 2] coordinates and
 * explained = (lambda1 + lambda2) / trace C, the share of total variance in the plane (1 when
 * the total variance is 0). dim === 2 returns the data unchanged with explained 1; dim < 2 throws.
 */
export function principalPlane(
  data: ArrayLike<number>,
  n: number,
  dim: number,
): { coords: Float32Array; explained: number } {
  if (!(dim >= 2)) throw new RangeError(`principalPlane needs at least 2 dimensions; got ${dim}.`);
  if (dim === 2)
    return { coords: Float32Array.from({ length: 2 * n }, (_, i) => data[i] as number), explained: 1 };
  const mean = columnMeans(data, n, dim);
  const C = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < dim; c++) row[c] = (data[r * dim + c] as number) - (mean[c] as number);
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++)
        C[i * dim + j] = (C[i * dim + j] as number) + (row[i] as number) * (row[j] as number);
  }
  let trace = 0;
  for (let i = 0; i < dim; i++) trace += C[i * dim + i] as number;
  if (!(trace > 0)) return { coords: new Float32Array(2 * n), explained: 1 };

  const rng = createRng(0x5eed);
  let [q1, q2] = orthonormalPair(
    Float64Array.from({ length: dim }, () => rng.normal()),
    Float64Array.from({ length: dim }, () => rng.normal()),
  );
  let h11 = 0;
  let h12 = 0;
  let h22 = 0;
  for (let it = 0; ; it++) {
    const z1 = matVec(C, q1);
    const z2 = matVec(C, q2);
    h11 = dot(q1, z1);
    h12 = dot(q1, z2);
    h22 = dot(q2, z2);
    // Residual of span(q1, q2) being invariant under C: z - Q (Q^T z) for both columns.
    let res = 0;
    for (let i = 0; i < dim; i++) {
      res += ((z1[i] as number) - h11 * (q1[i] as number) - h12 * (q2[i] as number)) ** 2;
      res += ((z2[i] as number) - h12 * (q1[i] as number) - h22 * (q2[i] as number)) ** 2;
    }
    if (res <= (1e-10 * trace) ** 2 || it >= 1000) break;
    [q1, q2] = orthonormalPair(z1, z2);
  }
  // Rotate within the plane onto the eigenvectors of H = [[h11, h12], [h12, h22]]:
  // tan(2 theta) = 2 h12 / (h11 - h22) gives the direction of the larger eigenvalue.
  const theta = 0.5 * Math.atan2(2 * h12, h11 - h22);
  const [cs, sn] = [Math.cos(theta), Math.sin(theta)];
  const u1 = q1.map((v, i) => cs * v + sn * (q2[i] as number));
  const u2 = q1.map((v, i) => -sn * v + cs * (q2[i] as number));
  const coords = new Float32Array(2 * n);
  for (let r = 0; r < n; r++) {
    let a = 0;
    let b = 0;
    for (let c = 0; c < dim; c++) {
      const v = (data[r * dim + c] as number) - (mean[c] as number);
      a += v * (u1[c] as number);
      b += v * (u2[c] as number);
    }
    coords[2 * r] = a;
    coords[2 * r + 1] = b;
  }
  return { coords, explained: Math.min(1, Math.max(0, (h11 + h22) / trace)) };
}

/**
 * How far a polyline (x0, y0, x1, y1, ...) strays from straight: the largest distance of any
 * point from the line through its first and last point (|cross(p - p0, d)| / |d|, d = pLast - p0),
 * divided by the diagonal of the polyline's bounding box. When first and last point coincide
 * (a loop) the distance from the first point is used instead. 0 for fewer than 3 points or a
 * bounding-box diagonal below 1e-9 (a collapsed line). Non-finite points are skipped.
 * Affine images of a line give ~0; a line folded by ReLU gives a clearly positive value.
 */
export function maxBend(points: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [x, y] = [points[i] as number, points[i + 1] as number];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  const m = xs.length;
  if (m < 3) return 0;
  const extent = (v: number[]) => v.reduce((a, b) => Math.max(a, b)) - v.reduce((a, b) => Math.min(a, b));
  const diag = Math.hypot(extent(xs), extent(ys));
  if (!(diag >= 1e-9)) return 0;
  const [x0, y0] = [xs[0] as number, ys[0] as number];
  const [dx, dy] = [(xs[m - 1] as number) - x0, (ys[m - 1] as number) - y0];
  const len = Math.hypot(dx, dy);
  const loop = len <= 1e-9 * diag;
  let worst = 0;
  for (let i = 1; i < m - 1; i++) {
    const [px, py] = [(xs[i] as number) - x0, (ys[i] as number) - y0];
    const dist = loop ? Math.hypot(px, py) : Math.abs(px * dy - py * dx) / len;
    worst = Math.max(worst, dist);
  }
  return worst / diag;
}

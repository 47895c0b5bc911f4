/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares) on
 * standardised features: a few dozen features and tens of thousands of rows converge in a handful of steps.
 */

import type { LinearModel } from '../../search/linearModel.js';

export interface Sample {
  x: number[];
  y: 0 | 1;
  /** How much the row counts (a small set may be weighted up so that it is not drowned out). */
  weight?: number;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), relative to the total sample weight. */
  l2?: number;
  iterations?: number;
}

function standardise(samples: Sample[], n: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(n).fill(0);
  const scale = new Array<number>(n).fill(0);
  for (const s of samples) for (let j = 0; j < n; j++) mean[j]! += s.x[j]! / samples.length;
  for (const s of samples)
    for (let j = 0; j < n; j++) scale[j]! += (s.x[j]! - mean[j]!) ** 2 / samples.length;
  return { mean, scale: scale.map((v) => Math.sqrt(v) || 1) };
}

/** Solves A·x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const p = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / p;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!;
    x[r] = sum / (m[r]![r]! || 1e-12);
  }
  return x;
}

export function fitLogistic(features: string[], samples: Sample[], options: FitOptions = {}): LinearModel {
  const n = features.length;
  const { mean, scale } = standardise(samples, n);
  const rows = samples.map((s) => ({
    x: [1, ...s.x.map((v, j) => (v - mean[j]!) / scale[j]!)],
    y: s.y,
    w: s.weight ?? 1,
  }));
  const totalWeight = rows.reduce((sum, r) => sum + r.w, 0);
  const l2 = (options.l2 ?? 1e-3) * totalWeight;
  let beta = new Array<number>(n + 1).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
    const gradient = new Array<number>(n + 1).fill(0);
    const hessian = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
    for (const r of rows) {
      let z = 0;
      for (let j = 0; j <= n; j++) z += beta[j]! * r.x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = r.w * (r.y - p);
      const h = r.w * p * (1 - p);
      for (let j = 0; j <= n; j++) {
        gradient[j]! += g * r.x[j]!;
        for (let k = j; k <= n; k++) hessian[j]![k]! += h * r.x[j]! * r.x[k]!;
      }
    }
    for (let j = 0; j <= n; j++) for (let k = 0; k < j; k++) hessian[j]![k] = hessian[k]![j]!;
    for (let j = 1; j <= n; j++) {
      gradient[j]! -= l2 * beta[j]!;
      hessian[j]![j]! += l2;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features, mean, scale, weights: beta.slice(1), bias: beta[0]! };
}

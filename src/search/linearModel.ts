/** A linear model over named features, standardised the way it was fitted (see `npm run calibrate`). */
export interface LinearModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** The model's score of the features; each is looked up in `values` and then in each of `more`. */
export function linearScore(
  model: LinearModel,
  values: Readonly<Record<string, number>>,
  ...more: Readonly<Record<string, number>>[]
): number {
  let z = model.bias;
  for (let i = 0; i < model.features.length; i++) {
    const name = model.features[i]!;
    let x = values[name];
    for (let k = 0; x === undefined && k < more.length; k++) x = more[k]![name];
    x ??= 0;
    z += (model.weights[i] ?? 0) * ((x - (model.mean[i] ?? 0)) / (model.scale[i] || 1));
  }
  return z;
}

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The fitted models the engine ranks and abstains with: src/search/calibration.json, written by `npm run calibrate`. */

import calibration from './calibration.json' with { type: 'json' };
import type { LinearModel } from './linearModel.js';

export interface AnswerModel extends LinearModel {
  /** Lowest answerability at which a passage is cited, per mode. */
  thresholds: { question: number; claim: number };
}

export interface Calibration {
  version: number;
  provenance: unknown;
  rank: LinearModel;
  answer: AnswerModel;
}

export const CALIBRATION: Calibration = calibration;

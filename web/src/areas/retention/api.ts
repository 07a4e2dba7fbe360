// Retention routes: the analysis sections and one customer's prediction. Each answers 404
// until the first `centric analyze`, which these calls turn into null.
import { getOptional } from '../../api/client';
import type { ClvReport, CohortsReport, Prediction, RfmReport, Summary, TiersReport } from './types';

export const getSummary = () => getOptional<Summary>('/analytics/summary');
export const getRfm = () => getOptional<RfmReport>('/analytics/rfm');
export const getCohorts = () => getOptional<CohortsReport>('/analytics/cohorts');
export const getClv = () => getOptional<ClvReport>('/analytics/clv');
export const getTiers = () => getOptional<TiersReport>('/analytics/tiers');
export const getPrediction = (id: number) =>
  getOptional<Prediction>(`/customers/${id}/predictions`);

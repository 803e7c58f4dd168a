/**
 * Who has which long-term condition, and whether it is diagnosed. Each condition's probability is
 * a calibrated scale × relative risk by age × sex ratio × deprivation factor, the scale solved so the
 * England-wide true prevalence equals recordedTarget / (1 − undiagnosed) in the condition's
 * denominator. Conditions share one latent risk per person through a Gaussian copula, so
 * multimorbidity clusters while each condition keeps its marginal prevalence.
 */
import { conditionsFile, deprivationFactor, interpolate, populationFile, type ConditionParameters } from './parameters';
import { nationalAgeSex, type Sex } from './population';
import { inverseNormal } from '@footprint/statistics';
import type { Random } from './random';

const CAP = 0.95;

export interface CompiledCondition {
  index: number;
  params: ConditionParameters;
  /** Probability by age (0..maxAge) for [female, male], before deprivation. */
  female: Float64Array;
  male: Float64Array;
  /** Deprivation factor by decile (index 1..10). */
  deprivation: Float64Array;
  /** Earlier conditions in the same exclusive group (a person has at most one of the group). */
  excludedBy: number[];
  loading: number;
  residual: number;
}

export interface ConditionState {
  condition: CompiledCondition;
  diagnosed: boolean;
}

function calibrate(params: ConditionParameters, national: { female: Float64Array; male: Float64Array }, maxAge: number): number {
  const target = params.recordedTarget / (1 - params.undiagnosed);
  let denominator = 0;
  for (let a = params.minDenominatorAge; a <= maxAge; a++) denominator += national.female[a] + national.male[a];
  const expected = (k: number): number => {
    let cases = 0;
    for (let a = Math.max(params.minDenominatorAge, params.minAge); a <= maxAge; a++) {
      const r = interpolate(params.ageRisk, a);
      cases += national.female[a] * Math.min(CAP, k * r) + national.male[a] * Math.min(CAP, k * r * params.maleRisk);
    }
    return cases / denominator;
  };
  let lo = 0;
  let hi = 1;
  while (expected(hi) < target && hi < 1e6) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export class HealthModel {
  readonly conditions: CompiledCondition[];
  readonly byId: Map<string, CompiledCondition>;

  constructor() {
    const file = conditionsFile();
    const maxAge = populationFile().maxAge;
    const national = nationalAgeSex();
    this.conditions = file.conditions.map((params, index) => {
      const k = calibrate(params, national, maxAge);
      const female = new Float64Array(maxAge + 1);
      const male = new Float64Array(maxAge + 1);
      for (let a = 0; a <= maxAge; a++) {
        const r = a < params.minAge ? 0 : interpolate(params.ageRisk, a);
        female[a] = Math.min(CAP, k * r);
        male[a] = Math.min(CAP, k * r * params.maleRisk);
      }
      const deprivation = new Float64Array(11);
      for (let d = 1; d <= 10; d++) deprivation[d] = deprivationFactor(params.deprivationRatio, d);
      return { index, params, female, male, deprivation, excludedBy: [], loading: params.clustering, residual: Math.sqrt(1 - params.clustering ** 2) };
    });
    this.byId = new Map(this.conditions.map((c) => [c.params.id, c]));
    for (const group of file.exclusive) {
      group.forEach((id, i) => {
        const c = this.byId.get(id);
        if (!c) throw new Error(`conditions.json: exclusive group names unknown condition ${id}`);
        c.excludedBy = group.slice(0, i).map((e) => this.byId.get(e)!.index);
      });
    }
  }

  /** The probability a person of this age, sex and IMD decile has the condition (before exclusions). */
  probability(c: CompiledCondition, age: number, sex: Sex, decile: number): number {
    const base = sex === 'male' ? c.male[age] : c.female[age];
    return Math.min(CAP, base * c.deprivation[decile]);
  }

  /**
   * The person's true conditions. `latent` is their shared risk (standard normal); each condition
   * is present when ρ·latent + √(1−ρ²)·ε falls below Φ⁻¹(p), so its marginal probability is p.
   */
  assign(rng: Random, age: number, sex: Sex, decile: number, latent: number): ConditionState[] {
    const out: ConditionState[] = [];
    const present = new Uint8Array(this.conditions.length);
    const probabilities = new Float64Array(this.conditions.length);
    for (const c of this.conditions) {
      let p = this.probability(c, age, sex, decile);
      const epsilon = rng.normal();
      const diagnosedDraw = rng.next();
      if (p <= 0) continue;
      if (c.excludedBy.length) {
        let earlier = 0;
        let blocked = false;
        for (const e of c.excludedBy) {
          earlier += probabilities[e];
          if (present[e]) blocked = true;
        }
        if (blocked) continue;
        // Keep the marginal: among people not excluded, the rate is p / (1 − P(excluded)).
        p = Math.min(CAP, p / Math.max(0.05, 1 - earlier));
      }
      probabilities[c.index] = p;
      if (c.loading * latent + c.residual * epsilon < inverseNormal(p)) {
        present[c.index] = 1;
        out.push({ condition: c, diagnosed: diagnosedDraw >= c.params.undiagnosed });
      }
    }
    return out;
  }
}

/**
 * Typed views of the model's parameter files in packages/synth/data. The numbers live in those
 * files (with their sources); code only reads them.
 */
import { dataJson } from './data';

export type Curve = [number, number][];

export interface ConditionParameters {
  id: string;
  label: string;
  codelist: string;
  icd10: string | null;
  minAge: number;
  minDenominatorAge: number;
  recordedTarget: number;
  recordedBand: [number, number];
  undiagnosed: number;
  undiagnosedSignal: 'raised-bp' | 'hba1c-diabetic' | 'hba1c-ndh' | 'falling-egfr' | 'irregular-pulse' | 'high-bmi' | null;
  maleRisk: number;
  deprivationRatio: number;
  clustering: number;
  ageRisk: Curve;
}

export interface ConditionsFile {
  conditions: ConditionParameters[];
  exclusive: string[][];
}

export interface RateParameters {
  ageRates: Curve;
  femaleRatio?: number;
  perDiagnosedCondition?: number;
  perCondition?: number;
  frailtyRatio?: number;
  deprivationRatio?: number;
}

export interface CareFile {
  gpConsultations: RateParameters;
  outpatient: RateParameters;
  emergencyAttendance: RateParameters;
  emergencyAdmission: RateParameters & { conditionDiagnosisShare: number; lengthOfStayDays: Curve };
  community: { ageRates: Curve; frailtyRate: number; dementiaRate: number };
  mentalHealth: { severeMentalIllnessRate: number; depressionRate: number; dementiaRate: number };
  socialCare: { assessmentRate: Record<string, number>; packageAfterAssessment: number; packageMonths: [number, number] };
  voluntaryReferral: { baseRate: number; conditionRates: Record<string, number>; deprivationRatio: number };
  mortality: {
    gompertz: { intercept: number; slope: number };
    maleRatio: number;
    deprivationRatio: number;
    conditionRatios: Record<string, number>;
  };
  deathCauses: Record<string, string>;
  deathCausesOther: string;
  smoking: { current: number; ex: number; deprivationRatio: number; minAge: number; recordsPerYear: number };
  monitoring: {
    bloodPressure: { monitored: number; over40: number; adult: number };
    hba1c: { diabetes: number; ndh: number; monitored: number; over40: number };
    egfr: { monitored: number; over50: number };
    cholesterol: { cardiovascular: number; over40: number };
    bmi: { monitored: number; adult: number };
  };
}

export interface TreatmentRule {
  condition: string;
  codelist: string;
  share: number;
}

export interface PopulationFile {
  maxAge: number;
  bands: { from: number; to: number; column: string; weights: Curve }[];
  maleShare: Curve;
  ethnicity: {
    system: string;
    whiteBritish: string;
    notStated: { code: string; share: number };
    shares: Record<string, number>;
    groups: Record<string, string>;
    deprivationFactor: number[];
    placeFactors: Record<string, Record<string, number>>;
  };
}

export interface NamesFile {
  byEthnicity: Record<string, string[]>;
  traditions: Record<string, { female: string[]; male: string[]; family: string[] }>;
  streets: string[];
  streetKinds: string[];
}

export interface TrustCatchmentsFile {
  places: Record<string, [string, number][]>;
  children: Record<string, string[]>;
}

export const conditionsFile = (): ConditionsFile => dataJson<ConditionsFile>('conditions.json');
export const careFile = (): CareFile => dataJson<CareFile>('care.json');
export const treatmentRules = (): TreatmentRule[] => dataJson<{ rules: TreatmentRule[] }>('treatments.json').rules;
export const populationFile = (): PopulationFile => dataJson<PopulationFile>('population.json');
export const namesFile = (): NamesFile => dataJson<NamesFile>('names.json');
export const trustCatchments = (): TrustCatchmentsFile => dataJson<TrustCatchmentsFile>('trust-catchments.json');

/** Piecewise-linear interpolation through the points; 0 before the first point, flat after the last. */
export function interpolate(curve: Curve, x: number): number {
  if (x < curve[0][0]) return 0;
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    if (x <= x1) {
      const [x0, y0] = curve[i - 1];
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return curve[curve.length - 1][1];
}

/** Piecewise-constant lookup: the value of the last point at or below x. */
export function stepValue(curve: Curve, x: number): number {
  let value = curve[0][1];
  for (const [from, v] of curve) if (x >= from) value = v;
  return value;
}

/** Factor for IMD decile d so that decile 1 / decile 10 = ratio and the mean over deciles is 1. */
export function deprivationFactor(ratio: number, decile: number): number {
  let table = deprivationTables.get(ratio);
  if (!table) {
    let mean = 0;
    for (let d = 1; d <= 10; d++) mean += Math.pow(ratio, (10 - d) / 9);
    table = new Float64Array(11);
    for (let d = 1; d <= 10; d++) table[d] = Math.pow(ratio, (10 - d) / 9) / (mean / 10);
    deprivationTables.set(ratio, table);
  }
  return table[decile];
}

const deprivationTables = new Map<number, Float64Array>();

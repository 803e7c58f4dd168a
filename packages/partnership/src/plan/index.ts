/** The plan: its kinds, the tree read in one call, scores and statuses, new versions, CSV and the demo's plans. See docs/partnership.md. */
export * from './kinds';
export * from './indicators';
export * from './measures';
export * from './tree';
export { startNewPlanVersion, newVersionSchema, type NewPlanVersion } from './versions';
export { planCsv, PLAN_CSV, type PlanCsv } from './csv';
export { checkLeadOrganisation, organisationNames } from './organisations';
export { seedDemoPlans, SEED_PLAN_IDS } from './seed';
export type { AmbitionAnswer, ProgrammeAnswer, RiskRegisterAnswer } from './answers';

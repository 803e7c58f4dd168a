export { CARE_PLAN_TEMPLATES, CARE_PLAN_TEMPLATE_SYSTEM, templateOf, type CarePlanTemplate } from './templates';
export { parseCarePlanChange, parseCarePlanRequest, parseGoal } from './input';
export type { CarePlanChange, CarePlanRequest, CareTeamMember, EndOfLifeWishes, PlanActivity, ResuscitationDecision } from './input';
export { CARE_PLAN_EXTENSIONS, CARE_PLAN_GOAL_TAG, newCarePlanBundle } from './shape';
export { addGoalToCarePlan, carePlanOf, carePlansFor, createCarePlan, updateCarePlan } from './service';
export type { CarePlanChangeView, CarePlanSummary, CarePlanView } from './view';

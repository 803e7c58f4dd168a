/**
 * The templates for common shared care plans (docs/coordination.md §2). A template is a starting
 * point: the plan's kind (its CarePlan.category), the activities the team usually agrees and the
 * sections the plan must say something about. The team changes everything after. The activities
 * come from the national guidance each template names.
 */
export const CARE_PLAN_TEMPLATE_SYSTEM = 'https://fhir.footprint.example/CodeSystem/care-plan-template';

export interface CarePlanTemplate {
  code: string;
  title: string;
  /** Who the template is for, in a sentence. */
  purpose: string;
  /** Where its activities come from. */
  basis: string;
  activities: string[];
  /** End of life plans record preferred places and the DNACPR decision. */
  endOfLife: boolean;
}

export const CARE_PLAN_TEMPLATES: readonly CarePlanTemplate[] = [
  {
    code: 'frailty-anticipatory',
    title: 'Frailty and anticipatory care plan',
    purpose: 'For a person living with moderate or severe frailty: what to do before a crisis, and who does it.',
    basis: 'NHS England, Anticipatory care: a framework for integrated care systems (2022), and the GP contract requirement of a structured medication review for people with severe frailty.',
    activities: ['Structured medication review', 'Falls risk assessment', 'Review of support at home and of the carer’s needs', 'Agree what to do in a crisis, and who to call'],
    endOfLife: false,
  },
  {
    code: 'learning-disability',
    title: 'Learning disability annual health check plan',
    purpose: 'For a person with a learning disability aged 14 or over: the actions from their annual health check.',
    basis: 'NHS England, Learning disability annual health checks (the GP enhanced service) and its Health Action Plan.',
    activities: ['Annual health check', 'Health Action Plan agreed with the person', 'Reasonable adjustments recorded', 'Screening and vaccinations brought up to date'],
    endOfLife: false,
  },
  {
    code: 'smi-physical-health',
    title: 'Severe mental illness physical health plan',
    purpose: 'For a person with severe mental illness: the six checks of the annual physical health check, and what follows.',
    basis: 'NHS England, Improving the physical health of people living with severe mental illness (2018): BMI, blood pressure, lipids, glucose or HbA1c, smoking and alcohol.',
    activities: ['Body mass index measured', 'Blood pressure and pulse measured', 'Lipid profile taken', 'Blood glucose or HbA1c taken', 'Smoking status recorded, with support to stop', 'Alcohol consumption recorded, with support'],
    endOfLife: false,
  },
  {
    code: 'end-of-life',
    title: 'End of life care plan',
    purpose: 'For a person in the last year of life: their wishes, preferred places of care and death, and the decision about resuscitation.',
    basis: 'NICE NG142, End of life care for adults: service delivery (2019), and the Resuscitation Council UK ReSPECT process.',
    activities: ['Advance care planning conversation', 'Anticipatory medicines prescribed', 'Added to the practice palliative care register', 'Carer support offered'],
    endOfLife: true,
  },
];

export const templateOf = (code: string): CarePlanTemplate | undefined => CARE_PLAN_TEMPLATES.find((t) => t.code === code);

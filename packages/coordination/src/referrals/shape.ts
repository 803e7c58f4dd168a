import type { Bundle, ServiceRequest, Task } from '@footprint/fhir';

/**
 * The one shape of a referral between partners, shared by every way of making one (a clinician's
 * referral, a link worker's social prescription, an MDT action): a `ServiceRequest` to the
 * receiving organisation (its `performer`, which the record turns into a `referral` care
 * relationship) and a `Task` that tracks it (code `fulfill`, `focus` the ServiceRequest, `owner`
 * the receiving organisation, `requester` the sending one). Both are created in one transaction.
 */

/** HL7's task codes: `fulfill` is "fulfil the focal request", the Task that tracks a referral. */
export const TASK_CODE_SYSTEM = 'http://hl7.org/fhir/CodeSystem/task-code';
export const TASK_FULFIL = 'fulfill';
/** What kind of referral: the ServiceRequest's category, one of these codes. */
export const REFERRAL_CATEGORY_SYSTEM = 'https://fhir.footprint.example/CodeSystem/referral-category';
export const REFERRAL_CATEGORIES = ['adult-social-care', 'community-services', 'social-prescribing', 'mental-health', 'other'] as const;
export type ReferralCategory = (typeof REFERRAL_CATEGORIES)[number];

export interface ReferralFacts {
  patientId: string;
  /** The sending organisation, `Organization/{id}`. */
  from: string;
  /** The receiving organisation, `Organization/{id}`. */
  to: string;
  /** The person making the referral, `Practitioner/{id}` (optional: a system may refer). */
  requester?: string;
  category: ReferralCategory;
  /** Why, in words the receiving organisation can act on. */
  reason: string;
  /** When the receiving organisation should have acted, `YYYY-MM-DD`. */
  dueDate?: string;
  /** A service of the directory (`HealthcareService/{id}`), for social prescribing. */
  service?: string;
  priority?: 'routine' | 'urgent';
  /** The instant the referral is made (default now). */
  authoredOn?: string;
}

/** The transaction Bundle that makes a referral: ServiceRequest, then its tracking Task. */
export function referralBundle(facts: ReferralFacts): Bundle {
  const authoredOn = facts.authoredOn ?? new Date().toISOString();
  const requestUrl = 'urn:uuid:' + crypto.randomUUID();
  const serviceRequest: ServiceRequest = {
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    priority: facts.priority ?? 'routine',
    category: [{ coding: [{ system: REFERRAL_CATEGORY_SYSTEM, code: facts.category }] }],
    subject: { reference: `Patient/${facts.patientId}` },
    authoredOn,
    ...(facts.requester ? { requester: { reference: facts.requester } } : {}),
    performer: [{ reference: facts.to }, ...(facts.service ? [{ reference: facts.service }] : [])],
    reasonCode: [{ text: facts.reason }],
  };
  const task: Task = {
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    priority: facts.priority ?? 'routine',
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: TASK_FULFIL }] },
    focus: { reference: requestUrl },
    for: { reference: `Patient/${facts.patientId}` },
    authoredOn,
    lastModified: authoredOn,
    requester: { reference: facts.from },
    owner: { reference: facts.to },
    description: facts.reason,
    ...(facts.dueDate ? { restriction: { period: { end: facts.dueDate } } } : {}),
  };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: requestUrl, resource: serviceRequest, request: { method: 'POST', url: 'ServiceRequest' } },
      { resource: task, request: { method: 'POST', url: 'Task' } },
    ],
  };
}

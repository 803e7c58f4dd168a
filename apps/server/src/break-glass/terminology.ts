import type { CodeSystem, ValueSet } from '@footprint/fhir';
import { BREAK_GLASS_REASON_LABELS, BREAK_GLASS_REASON_SYSTEM, BREAK_GLASS_REASONS } from '@footprint/record';

const DESCRIPTIONS: Record<(typeof BREAK_GLASS_REASONS)[number], string> = {
  emergency: 'The person needs care now and their record is needed to give it safely.',
  'person-asked': 'The person asked this clinician to look at their record.',
  safeguarding: 'There is a concern for the safety of the person or someone else.',
  other: 'Another reason, given in full in the explanation.',
};

/** The break-glass reasons as a CodeSystem, at its canonical URL (trust-codes.ts). */
export function breakGlassReasonCodeSystem(): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: 'break-glass-reason',
    url: BREAK_GLASS_REASON_SYSTEM,
    name: 'BreakGlassReason',
    title: 'Break-glass reason',
    status: 'active',
    content: 'complete',
    caseSensitive: true,
    description: 'Why a clinician without a care relationship opened a person’s record (the reason of Patient/$break-glass).',
    concept: BREAK_GLASS_REASONS.map((code) => ({ code, display: BREAK_GLASS_REASON_LABELS[code], definition: DESCRIPTIONS[code] })),
  };
}

/** Every code of the CodeSystem, as the ValueSet `$break-glass` binds its reason to. */
export function breakGlassReasonValueSet(): ValueSet {
  return {
    resourceType: 'ValueSet',
    id: 'break-glass-reason',
    url: BREAK_GLASS_REASON_SYSTEM.replace('/CodeSystem/', '/ValueSet/'),
    name: 'BreakGlassReason',
    title: 'Break-glass reason',
    status: 'active',
    compose: { include: [{ system: BREAK_GLASS_REASON_SYSTEM }] },
    expansion: {
      timestamp: '2026-12-01T00:00:00Z',
      contains: BREAK_GLASS_REASONS.map((code) => ({ system: BREAK_GLASS_REASON_SYSTEM, code, display: BREAK_GLASS_REASON_LABELS[code] })),
    },
  };
}

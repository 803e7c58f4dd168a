/** The matching evidence (`family:close`, `rule:changed-surname`…) in words an administrator reads. */
const WORDS: Record<string, string> = {
  'nhs-number:same': 'Same NHS number',
  'family:exact': 'Same surname',
  'family:close': 'Surname one letter apart or sounds alike',
  'family:near': 'Surname two letters apart',
  'family:none': 'Different surname',
  'given:exact': 'Same first name',
  'given:close': 'First name one letter apart or sounds alike',
  'given:near': 'First name two letters apart',
  'given:none': 'Different first name',
  'birth-date:exact': 'Same date of birth',
  'birth-date:partial': 'Date of birth partly agrees',
  'birth-date:none': 'Different date of birth',
  'gender:same': 'Same sex',
  'gender:different': 'Different sex',
  'address:same': 'Same postcode or address',
  'address:district': 'Same postcode district',
  'rule:changed-surname': 'Looks like a changed surname',
  'rule:capped-at-possible': 'Held back: something important differs',
};

export function reasonText(reason: string): string {
  return WORDS[reason] ?? reason;
}

export const GRADE_LABELS: Record<string, string> = { certain: 'Certain', probable: 'Probable', possible: 'Possible' };
export const STATUS_LABELS: Record<string, string> = { pending: 'Waiting for review', 'confirmed-duplicate': 'Same person', 'not-duplicate': 'Not the same person' };
export const FOUND_BY_LABELS: Record<string, string> = { create: 'when a record was created', import: 'when a record was imported', review: 'by a review' };

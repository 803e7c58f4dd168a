import type { Patient } from '@footprint/fhir';

const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';

/** A person's name as staff see it on a list: the official name's text, or its parts. */
export function personName(p: Patient): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  return n?.text ?? ([...(n?.given ?? []), n?.family].filter(Boolean).join(' ') || 'Name not recorded');
}

/** Who a person is on a worklist or a meeting's list: name, NHS number and date of birth where recorded. */
export function personSummary(p: Patient): { name: string; nhsNumber?: string; birthDate?: string } {
  const nhsNumber = p.identifier?.find((i) => i.system === NHS_NUMBER)?.value;
  return { name: personName(p), ...(nhsNumber ? { nhsNumber } : {}), ...(p.birthDate ? { birthDate: p.birthDate } : {}) };
}

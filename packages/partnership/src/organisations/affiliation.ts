/** HL7's organization-role `member`, kept beside the partnership role so generic FHIR clients see a membership. */
export const ORGANIZATION_ROLE_CODING = { system: 'http://hl7.org/fhir/organization-role', code: 'member', display: 'Member' } as const;

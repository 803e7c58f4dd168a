import { getSearchParameters, resourceTypes, typeInteractions } from '@footprint/fhir';
import type { CapabilityStatement, CapabilityStatementRestResource } from '@footprint/fhir';

/** Parameter types the record indexes and searches; composite and special ones are not offered. */
const SEARCHABLE = new Set(['string', 'token', 'reference', 'date', 'number', 'quantity', 'uri']);

function resourceEntry(type: string): CapabilityStatementRestResource {
  const params = getSearchParameters(type)
    .filter((p) => SEARCHABLE.has(p.type))
    .sort((a, b) => a.code.localeCompare(b.code));
  const interactions = typeInteractions(type);
  const writes = interactions.includes('create');
  const operations = [
    { name: 'validate', definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate' },
    ...(type === 'Patient'
      ? [
          { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
          { name: 'match', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-match' },
          { name: 'merge', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-merge' },
          { name: 'unmerge', definition: 'https://fhir.footprint.example/OperationDefinition/Patient-unmerge' },
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' },
          { name: 'break-glass', definition: 'https://fhir.footprint.example/OperationDefinition/Patient-break-glass' },
        ]
      : []),
    ...(type === 'Group' ? [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export' }] : []),
  ];
  return {
    type: type as CapabilityStatementRestResource['type'],
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: interactions.map((code) => ({ code })),
    versioning: 'versioned-update',
    readHistory: writes,
    ...(writes ? { updateCreate: true, conditionalCreate: true } : {}),
    conditionalRead: 'full-support',
    ...(writes ? { conditionalUpdate: true, conditionalDelete: 'single' as const } : {}),
    searchInclude: ['*'],
    searchRevInclude: ['*'],
    // FHIR forbids empty arrays and strings: a type without indexed parameters (Binary) has no searchParam.
    ...(params.length
      ? { searchParam: params.map((p) => ({ name: p.code, ...(p.url ? { definition: p.url } : {}), type: p.type as 'string' })) }
      : {}),
    operation: operations,
  };
}

/**
 * The server's CapabilityStatement, generated from what is really wired up: every R4 resource
 * type the record stores or serves, with the search parameters it indexes, the interactions it
 * allows on that type (see typeInteractions) and the operations the routes implement, and the
 * SMART on FHIR OAuth endpoints. It passes the server's own $validate.
 */
export function capabilityStatement(base: string, serverBase: string, version: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    name: 'FootprintSharedCareRecord',
    title: 'Footprint shared care record',
    publisher: 'Footprint',
    software: { name: 'Footprint', version },
    implementation: { description: 'Footprint shared care record FHIR R4 API', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'application/json'],
    instantiates: ['http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: false,
          service: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
              text: 'OAuth2 client credentials with SMART v2 scopes (system/*.cruds, system/Patient.rs) for partner systems; SMART App Launch standalone (authorization code with PKCE S256, patient scopes) for apps a person connects to their own record',
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'token', valueUri: `${serverBase}/oauth/token` },
                { url: 'authorize', valueUri: `${serverBase}/oauth/authorize` },
              ],
            },
          ],
        },
        // Parameters is never persisted (R4), so it is not offered as a resource; AuditEvent is read-only.
        resource: resourceTypes()
          .filter((type) => typeInteractions(type).length > 0)
          .map((type) => resourceEntry(type)),
        interaction: [{ code: 'transaction' }, { code: 'batch' }, { code: 'history-system' }],
        searchParam: [
          { name: '_count', type: 'number', documentation: 'Page size (at most 1000)' },
          { name: '_sort', type: 'string', documentation: 'Sort by one or more parameters; prefix - for descending' },
          { name: '_total', type: 'token', documentation: 'accurate or estimate to include Bundle.total' },
          { name: '_summary', type: 'token', documentation: 'count for the total only' },
        ],
        operation: [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' }],
      },
    ],
  };
}

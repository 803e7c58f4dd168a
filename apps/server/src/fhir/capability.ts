import { getSearchParameters, resourceTypes } from '@footprint/fhir';
import type { CapabilityStatement, CapabilityStatementRestResource } from '@footprint/fhir';

/** Parameter types the record indexes and searches; composite and special ones are not offered. */
const SEARCHABLE = new Set(['string', 'token', 'reference', 'date', 'number', 'quantity', 'uri']);

const TYPE_INTERACTIONS = ['read', 'vread', 'update', 'delete', 'history-instance', 'history-type', 'create', 'search-type'] as const;

function resourceEntry(type: string): CapabilityStatementRestResource {
  const params = getSearchParameters(type)
    .filter((p) => SEARCHABLE.has(p.type))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    type: type as CapabilityStatementRestResource['type'],
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: TYPE_INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned-update',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalRead: 'full-support',
    conditionalUpdate: true,
    conditionalDelete: 'single',
    searchInclude: ['*'],
    searchRevInclude: ['*'],
    searchParam: params.map((p) => ({ name: p.code, definition: p.url, type: p.type as 'string' })),
    operation: [
      { name: 'validate', definition: 'http://hl7.org/fhir/OperationDefinition/Resource-validate' },
      ...(type === 'Patient'
        ? [
            { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
            { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' },
          ]
        : []),
      ...(type === 'Group' ? [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export' }] : []),
    ],
  };
}

/**
 * The server's CapabilityStatement, generated from what is really wired up: every R4 resource
 * type with the search parameters the record indexes, the interactions and operations the routes
 * implement, and the SMART on FHIR OAuth endpoints.
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
              text: 'OAuth2 client credentials with SMART v2 scopes, e.g. system/*.cruds or system/Patient.rs',
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${serverBase}/oauth/token` }],
            },
          ],
        },
        resource: resourceTypes().map((type) => resourceEntry(type)),
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

export * from './errors';
export type * from './search/types';
export type * from '@medplum/fhirtypes';

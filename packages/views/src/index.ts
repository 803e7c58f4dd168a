export { compileView, type CompiledView, type CompileViewOptions } from './compile-view';
export { runView } from './run-view';
export { ViewDefinitionError } from './errors';
export type { ViewDefinition, SelectNode, ViewColumn, ViewConstant, ColumnInfo } from './view-definition';
export { parseFhirJson } from './fhir-json';

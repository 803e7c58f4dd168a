import { readConstants } from './constants';
import { toPlainValue } from './fhir-json';
import { ViewDefinitionError } from './errors';
import { compilePath, type PathPlan } from './fhirpath/compile-path';
import { isResourceType } from './fhirpath/r4-model';
import type { ColumnInfo } from './view-definition';

/** A ViewDefinition compiled once into a row function over resources of one type. */
export interface CompiledView {
  /** The resource type the view reads; other resources give no rows. */
  resource: string;
  name?: string;
  /** Output columns, in order. */
  columns: ColumnInfo[];
  /** The rows one resource contributes, each an array in `columns` order. */
  rows(resource: Record<string, unknown>): unknown[][];
  /** Where in the view expressions run on fhirpath.js rather than the fast compiler (for profiling). */
  interpretedPaths: string[];
}

interface ColumnPlan {
  name: string;
  path: PathPlan;
  collection: boolean;
  location: string;
}

interface SelectPlan {
  forEach?: PathPlan;
  orNull: boolean;
  columns: ColumnPlan[];
  children: SelectPlan[];
  unions: SelectPlan[];
  info: ColumnInfo[];
}

interface CompileScope {
  constants: ReadonlyMap<string, unknown>;
  contextType?: string;
  fastPaths: boolean;
  /** Collects the locations compiled for fhirpath.js. */
  interpreted: string[];
}

export interface CompileViewOptions {
  /** Compile the common FHIRPath subset to closures (default true); false runs everything through fhirpath.js. */
  fastPaths?: boolean;
}

const columnName = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Validates and compiles a SQL-on-FHIR v2 ViewDefinition. Structural problems, invalid FHIRPath,
 * unknown constants and mismatched unionAll branches are ViewDefinitionErrors here, before any
 * resource is read.
 */
export function compileView(view: unknown, options: CompileViewOptions = {}): CompiledView {
  if (view === null || typeof view !== 'object' || Array.isArray(view)) throw new ViewDefinitionError('a ViewDefinition must be a JSON object');
  const definition = view as Record<string, unknown>;
  const resource = definition.resource;
  if (typeof resource !== 'string' || resource === '') throw new ViewDefinitionError('is required: the FHIR resource type the view reads', 'resource');
  if (!isResourceType(resource)) throw new ViewDefinitionError(`"${resource}" is not a FHIR R4 resource type`, 'resource');
  if (!Array.isArray(definition.select) || definition.select.length === 0) throw new ViewDefinitionError('needs at least one select', 'select');
  const constants = readConstants(definition.constant);
  const scope: CompileScope = { constants, contextType: resource, fastPaths: options.fastPaths !== false, interpreted: [] };

  const root = compileSelect({ select: definition.select }, 'view', scope);
  checkUniqueNames(root.info);
  const filters = compileWhere(definition.where, scope);

  return {
    resource,
    name: typeof definition.name === 'string' ? definition.name : undefined,
    columns: root.info,
    interpretedPaths: scope.interpreted,
    rows(input) {
      if (input.resourceType !== resource) return [];
      for (const filter of filters) if (!filter(input)) return [];
      return rowsOf(root, input, input);
    },
  };
}

function compileWhere(where: unknown, scope: CompileScope): Array<(resource: Record<string, unknown>) => boolean> {
  if (where === undefined) return [];
  if (!Array.isArray(where)) throw new ViewDefinitionError('must be an array', 'where');
  return where.map((entry: { path?: unknown }, index) => {
    const location = `where[${index}].path`;
    const plan = noteInterpreted(compilePath(entry?.path, { ...scope, location }), location, scope);
    return (resource) => {
      const result = plan.evaluate([resource], resource);
      if (result.length === 0) return false;
      if (result.length > 1 || typeof result[0] !== 'boolean') {
        throw new ViewDefinitionError(`"${String(entry.path)}" must give a single boolean, not ${describe(result)}`, location);
      }
      return result[0];
    };
  });
}

function compileSelect(node: unknown, location: string, scope: CompileScope): SelectPlan {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new ViewDefinitionError('must be an object', location);
  const select = node as Record<string, unknown>;
  if (select.forEach !== undefined && select.forEachOrNull !== undefined) {
    throw new ViewDefinitionError('cannot have both forEach and forEachOrNull', location);
  }
  const iterator = select.forEach ?? select.forEachOrNull;
  const iteratorKey = select.forEach !== undefined ? 'forEach' : 'forEachOrNull';
  let forEach: PathPlan | undefined;
  let inner = scope;
  if (iterator !== undefined) {
    forEach = noteInterpreted(compilePath(iterator, { ...scope, location: `${location}.${iteratorKey}`, keepTypes: true }), `${location}.${iteratorKey}`, scope);
    inner = { ...scope, contextType: forEach.fast ? forEach.staticType : undefined };
  }

  const columns = arrayOf(select.column, `${location}.column`).map((column, index) => compileColumn(column, `${location}.column[${index}]`, inner));
  const children = arrayOf(select.select, `${location}.select`).map((child, index) => compileSelect(child, `${location}.select[${index}]`, inner));
  const unions = arrayOf(select.unionAll, `${location}.unionAll`).map((branch, index) => compileSelect(branch, `${location}.unionAll[${index}]`, inner));
  checkUnionBranches(unions, `${location}.unionAll`);

  const info: ColumnInfo[] = [
    ...columns.map((column, index) => columnInfo(select.column as Array<Record<string, unknown>>, index, column)),
    ...children.flatMap((child) => child.info),
    ...(unions[0]?.info ?? []),
  ];
  if (columns.length === 0 && children.length === 0 && unions.length === 0) {
    throw new ViewDefinitionError('needs a column, select or unionAll', location);
  }
  return { forEach, orNull: select.forEachOrNull !== undefined, columns, children, unions, info };
}

function compileColumn(column: unknown, location: string, scope: CompileScope): ColumnPlan {
  if (column === null || typeof column !== 'object') throw new ViewDefinitionError('must be an object', location);
  const { name, path, collection } = column as Record<string, unknown>;
  if (typeof name !== 'string' || !columnName.test(name)) {
    throw new ViewDefinitionError('needs a name of letters, digits and underscores, starting with a letter', `${location}.name`);
  }
  if (collection !== undefined && typeof collection !== 'boolean') throw new ViewDefinitionError('must be true or false', `${location}.collection`);
  const plan = noteInterpreted(compilePath(path, { ...scope, location: `${location}.path` }), `${location}.path`, scope);
  return { name, path: plan, collection: collection === true, location };
}

function noteInterpreted(plan: PathPlan, location: string, scope: CompileScope): PathPlan {
  if (!plan.fast) scope.interpreted.push(location);
  return plan;
}

function columnInfo(source: Array<Record<string, unknown>>, index: number, plan: ColumnPlan): ColumnInfo {
  const type = source[index].type;
  return { name: plan.name, type: typeof type === 'string' ? type : undefined, collection: plan.collection };
}

function arrayOf(value: unknown, location: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ViewDefinitionError('must be an array', location);
  return value;
}

function checkUnionBranches(unions: SelectPlan[], location: string): void {
  if (unions.length === 0) return;
  const expected = unions[0].info.map((c) => c.name).join(', ');
  unions.forEach((branch, index) => {
    const names = branch.info.map((c) => c.name).join(', ');
    if (names !== expected) {
      throw new ViewDefinitionError(`branch ${index} has columns (${names}) but branch 0 has (${expected}); every branch needs the same columns in the same order`, location);
    }
  });
}

function checkUniqueNames(info: ColumnInfo[]): void {
  const seen = new Set<string>();
  for (const column of info) {
    if (seen.has(column.name)) throw new ViewDefinitionError(`column name "${column.name}" is used more than once`, 'select');
    seen.add(column.name);
  }
}

function rowsOf(plan: SelectPlan, context: unknown, resource: Record<string, unknown>): unknown[][] {
  let contexts: readonly unknown[];
  if (plan.forEach) {
    contexts = plan.forEach.evaluate([context], resource);
    if (contexts.length === 0) return plan.orNull ? [new Array(plan.info.length).fill(null)] : [];
  } else {
    contexts = [context];
  }
  const out: unknown[][] = [];
  for (const item of contexts) {
    let rows: unknown[][] = [columnValues(plan.columns, item, resource)];
    for (const child of plan.children) {
      rows = product(rows, rowsOf(child, item, resource));
      if (rows.length === 0) break;
    }
    if (plan.unions.length && rows.length) {
      const unionRows: unknown[][] = [];
      for (const branch of plan.unions) for (const row of rowsOf(branch, item, resource)) unionRows.push(row);
      rows = product(rows, unionRows);
    }
    for (const row of rows) out.push(row);
  }
  return out;
}

function columnValues(columns: ColumnPlan[], context: unknown, resource: Record<string, unknown>): unknown[] {
  const values = new Array<unknown>(columns.length);
  const input = [context];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const result = column.path.evaluate(input, resource);
    if (column.collection) values[i] = result.map(toPlainValue);
    else if (result.length === 0) values[i] = null;
    else if (result.length === 1) values[i] = toPlainValue(result[0]);
    else throw new ViewDefinitionError(`"${column.name}" gave ${result.length} values; set collection: true or narrow the path`, column.location);
  }
  return values;
}

function product(left: unknown[][], right: unknown[][]): unknown[][] {
  if (right.length === 1) return left.map((row) => row.concat(right[0]));
  const out: unknown[][] = [];
  for (const a of left) for (const b of right) out.push(a.concat(b));
  return out;
}

function describe(result: unknown[]): string {
  return result.length > 1 ? `${result.length} values` : `a ${typeof result[0]}`;
}

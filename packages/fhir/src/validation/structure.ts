import { evalFhirPathTyped, parseFhirPath, toTypedValue, type Constraint, type InternalSchemaElement, type TypedValue } from '@medplum/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { isResourceType } from '../definitions/resource-types';
import { ID_PATTERN } from '../references/parse';
import { checkDate, checkIdentifier, checkReference, checkRequiredCode, type Report } from './element-rules';
import { narrativeProblems } from './narrative';
import { schemaIndex, type PropertyInfo, type SchemaIndex } from './schema-index';

/**
 * Validates a resource against the R4 StructureDefinitions in one pass over its JSON: unknown
 * properties, JSON types and formats of primitives, arrays versus single values, cardinality,
 * required elements, one type per choice element, and error-level invariants (FHIRPath,
 * parsed once), plus the element rules of ./element-rules. It follows @medplum/core's validator
 * (same checks and messages, same skipped invariants) but walks the JSON directly with indexed
 * schemas, several times faster on the write path, and paths carry array indexes throughout.
 */
export function structureIssues(resource: { resourceType: string }): OperationOutcomeIssue[] {
  return new Walker(resource).run();
}

/** JSON type of each FHIR primitive. */
const JSON_TYPES: Record<string, 'string' | 'number' | 'boolean'> = {
  base64Binary: 'string', boolean: 'boolean', canonical: 'string', code: 'string', date: 'string', dateTime: 'string',
  decimal: 'number', id: 'string', instant: 'string', integer: 'number', integer64: 'string', markdown: 'string',
  oid: 'string', positiveInt: 'number', string: 'string', time: 'string', unsignedInt: 'number', uri: 'string',
  url: 'string', uuid: 'string', xhtml: 'string',
};

/** The R4 regular expressions for primitive formats (as @medplum/core applies them, base64Binary as R4 defines it). */
const FORMATS: Record<string, RegExp> = {
  // R4's regex, (\s*([0-9a-zA-Z\+\=]){4}\s*)+, allows whitespace between the characters (MIME-style
  // line breaks every 76, as in the official Binary example); '/' is base64 too, and '=' only pads.
  base64Binary: /^(\s*[A-Za-z\d+/]\s*[A-Za-z\d+/]\s*[A-Za-z\d+/]\s*[A-Za-z\d+/])*(\s*[A-Za-z\d+/]\s*[A-Za-z\d+/]\s*(=\s*=|[A-Za-z\d+/]\s*=))?\s*$/,
  canonical: /^\S*$/,
  code: /^[^\s]+( [^\s]+)*$/,
  date: /^(\d(\d(\d[1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2]\d|3[0-1]))?)?$/,
  dateTime: /^(\d(\d(\d[1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2]\d|3[0-1])(T([01]\d|2[0-3])(:[0-5]\d:([0-5]\d|60)(\.\d{1,9})?)?)?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)?)?)?$/,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  instant: /^(\d(\d(\d[1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2]\d|3[0-1])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/,
  markdown: /^[\r\n\t\u0020-\uFFFF]+$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9]\d*))+$/,
  string: /^[\r\n\t\u0020-\uFFFF]+$/,
  time: /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?$/,
  uri: /^\S*$/,
  url: /^\S*$/,
  uuid: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/** Invariants not checked: ele-1 is enforced structurally (no empty values); the others need the whole server (as in @medplum/core). */
const SKIPPED_INVARIANTS = new Set(['ele-1', 'dom-3', 'org-1', 'sdf-19']);
const MAX_STRING = 1024 * 1024;
/** C0 control characters other than tab, LF and CR (R4's string pattern), in any primitive. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * DomainResource invariants that only look inside `contained`: they hold trivially for a resource
 * without contained resources (most of them), so FHIRPath is only run when there are some.
 */
const ABOUT_CONTAINED: Record<string, string> = {
  'dom-2': 'contained.contained.empty()',
  'dom-4': 'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()',
  'dom-5': 'contained.meta.security.empty()',
};
const atoms = new Map<string, ReturnType<typeof parseFhirPath>>();
const ucum = toTypedValue('http://unitsofmeasure.org');

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value === '';
  if (typeof value === 'object') return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  return false;
}

class Walker {
  private readonly issues: OperationOutcomeIssue[] = [];
  private readonly resources: TypedValue[] = [];
  private readonly root: TypedValue;
  private readonly report: Report = (code, diagnostics, path) => this.issues.push({ severity: 'error', code, diagnostics, expression: [path] });

  constructor(resource: { resourceType: string }) {
    this.root = { type: resource.resourceType, value: resource };
  }

  run(): OperationOutcomeIssue[] {
    const index = schemaIndex(this.root.type);
    if (!index) {
      this.error('resourceType', `Unknown resource type ${this.root.type}`);
      return this.issues;
    }
    this.resources.push(this.root);
    this.constraints(index.schema.constraints, this.root, this.root.type);
    this.resource(this.root.value as Record<string, unknown>, index, this.root.type);
    return this.issues;
  }

  private error(path: string, message: string, code: OperationOutcomeIssue['code'] = 'structure'): void {
    this.issues.push({ severity: 'error', code, diagnostics: message, expression: [path] });
  }

  private resource(value: Record<string, unknown>, index: SchemaIndex, path: string): void {
    if (value.id !== undefined && (typeof value.id !== 'string' || !ID_PATTERN.test(value.id))) {
      this.report('value', 'a resource id must be 1 to 64 letters, digits, "-" or "."', `${path}.id`);
    }
    this.object(value, index, path, true);
  }

  private object(value: Record<string, unknown>, index: SchemaIndex, path: string, isResource: boolean): void {
    for (const req of index.required) {
      let present = false;
      for (const k of req.keys) if (value[k] !== undefined) present = true;
      if (!present) this.error(`${path}.${req.name.replace('[x]', '')}`, 'Missing required property');
    }
    let choices: Map<string, string> | undefined;
    for (const key of Object.keys(value)) {
      if (key === 'resourceType' && isResource) continue;
      const info = index.properties.get(key);
      const propertyPath = `${path}.${key}`;
      if (!info) {
        this.error(propertyPath, `Invalid additional property "${key}"`);
        continue;
      }
      if (info.name.endsWith('[x]')) {
        const main = info.primitiveExtension ? key.slice(1) : key;
        choices ??= new Map();
        const other = choices.get(info.name);
        if (other !== undefined && other !== main) this.error(propertyPath, `Only one type of ${info.name} is allowed, but found "${other}" and "${main}"`);
        else choices.set(info.name, main);
      }
      if (info.primitiveExtension) this.primitiveExtension(value[key], info, propertyPath);
      else this.property(value, key, info, propertyPath);
    }
  }

  private property(parent: Record<string, unknown>, key: string, info: PropertyInfo, path: string): void {
    const raw = parent[key];
    const element = info.element;
    if (raw === null) return this.error(path, 'Invalid null value');
    if (element.isArray) {
      if (!Array.isArray(raw)) return this.error(path, 'Expected array of values for property');
    } else if (Array.isArray(raw)) {
      return this.error(path, 'Expected single value for property');
    }
    if (isEmpty(raw)) return this.error(path, 'Invalid empty value');
    const items = element.isArray ? (raw as unknown[]) : [raw];
    if (items.length < element.min || items.length > element.max) {
      this.error(path, `Invalid number of values: expected ${element.min}..${Number.isFinite(element.max) ? element.max : '*'}, but found ${items.length}`);
    }
    const extensions = parent['_' + key];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const itemPath = element.isArray ? `${path}[${i}]` : path;
      if (item === null) {
        // A null in a primitive array is allowed when its `_key` counterpart carries the extension.
        const ext = Array.isArray(extensions) ? extensions[i] : undefined;
        if (ext === null || ext === undefined) this.error(itemPath, 'Invalid null value');
        continue;
      }
      const typed: TypedValue = { type: info.type === 'Resource' ? String((item as { resourceType?: unknown }).resourceType) : info.type, value: item };
      this.constraints(element.constraints, typed, itemPath);
      this.value(item, info.type, element, itemPath);
    }
  }

  private value(item: unknown, type: string, element: InternalSchemaElement, path: string): void {
    const jsonType = JSON_TYPES[type];
    if (jsonType) return this.primitive(item, type, jsonType, element, path);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return this.error(path, `Invalid JSON type: expected object, but got ${Array.isArray(item) ? 'array' : typeof item}`);
    }
    const obj = item as Record<string, unknown>;
    if (Object.keys(obj).length === 0) return this.error(path, 'Invalid empty non-primitive value');
    if (type === 'Resource' || type === 'DomainResource') {
      const rt = obj.resourceType;
      if (typeof rt !== 'string' || !isResourceType(rt)) return this.error(`${path}.resourceType`, `${typeof rt === 'string' ? `"${rt}" is not` : 'A contained resource needs'} a FHIR R4 resource type`);
      const typed: TypedValue = { type: rt, value: obj };
      this.resources.push(typed);
      this.resource(obj, schemaIndex(rt)!, path);
      this.resources.pop();
      return;
    }
    if (type === 'Reference') checkReference(obj, element, path, this.report);
    else if (type === 'Identifier') checkIdentifier(obj, path, this.report);
    const index = schemaIndex(type);
    if (index) this.object(obj, index, path, false);
  }

  private primitive(item: unknown, type: string, jsonType: 'string' | 'number' | 'boolean', element: InternalSchemaElement, path: string): void {
    if (typeof item !== jsonType) return this.error(path, `Invalid JSON type: expected ${jsonType}, but got ${typeof item}`);
    if (jsonType === 'string') {
      const s = item as string;
      if (!s.trim()) return this.error(path, 'String must contain non-whitespace content');
      if (s.length > MAX_STRING) return this.error(path, 'String cannot be larger than 1 MB');
      // No FHIR primitive may hold NUL or other C0 control characters (but tab, CR and LF).
      if (CONTROL.test(s)) return this.error(path, `Invalid ${type}: it holds a control character (such as NUL), which no FHIR value may`);
      const format = FORMATS[type];
      if (format && !format.test(s)) return this.error(path, `Invalid ${type} format`);
      if (type === 'xhtml') {
        for (const problem of narrativeProblems(s)) this.report('invariant', problem, path);
        return;
      }
      if (type === 'date' || type === 'dateTime' || type === 'instant') checkDate(s, type, path, this.report);
      else if (type === 'code') checkRequiredCode(s, element, path, this.report);
    } else if (jsonType === 'number') {
      const n = item as number;
      if (!Number.isFinite(n)) this.error(path, 'Invalid numeric value');
      else if ((type === 'integer' || type === 'positiveInt' || type === 'unsignedInt') && !Number.isInteger(n)) this.error(path, 'Expected number to be an integer');
      else if (type === 'positiveInt' && n <= 0) this.error(path, 'Expected number to be positive');
      else if (type === 'unsignedInt' && n < 0) this.error(path, 'Expected number to be non-negative');
    }
  }

  /** `_birthDate` and friends: an Element (id, extension) or an array of them (nulls allowed). */
  private primitiveExtension(raw: unknown, info: PropertyInfo, path: string): void {
    const element = schemaIndex('Element')!;
    const items = Array.isArray(raw) ? raw : [raw];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const itemPath = Array.isArray(raw) ? `${path}[${i}]` : path;
      if (item === null && Array.isArray(raw)) continue;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        this.error(itemPath, `Invalid JSON type: expected the extensions of ${info.name} as an object`);
        continue;
      }
      this.object(item as Record<string, unknown>, element, itemPath, false);
    }
  }

  private constraints(list: Constraint[] | undefined, typed: TypedValue, path: string): void {
    if (!list) return;
    for (const c of list) {
      if (c.severity !== 'error' || SKIPPED_INVARIANTS.has(c.key)) continue;
      if (!this.holds(c, typed, path)) {
        this.error(path, `Constraint ${c.key} not met: ${c.description}`, 'invariant');
        return;
      }
    }
  }

  private holds(c: Constraint, typed: TypedValue, path: string): boolean {
    if (ABOUT_CONTAINED[c.key] === c.expression && (typed.value as { contained?: unknown }).contained === undefined) return true;
    let atom = atoms.get(c.expression);
    if (!atom) {
      atom = parseFhirPath(c.expression);
      atoms.set(c.expression, atom);
    }
    const variables: Record<string, TypedValue> = {
      '%context': typed,
      '%ucum': ucum,
      '%resource': this.resources[this.resources.length - 1] ?? this.root,
      '%rootResource': this.root,
    };
    try {
      const result = evalFhirPathTyped(atom, [typed], variables);
      return result.length === 1 && result[0].value === true;
    } catch {
      this.error(path, `Error evaluating invariant ${c.key}`, 'processing');
      return true;
    }
  }
}

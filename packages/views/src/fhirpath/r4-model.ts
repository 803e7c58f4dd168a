import r4 from 'fhirpath/fhir-context/r4';

/**
 * Static type lookups over the FHIR R4 model that ships with fhirpath.js, so the fast compiler
 * knows what an element is (complex type, primitive, backbone element or choice) before any
 * resource arrives.
 */
interface R4Model {
  choiceTypePaths: Record<string, string[]>;
  pathsDefinedElsewhere: Record<string, string>;
  type2Parent: Record<string, string>;
  path2Type: Record<string, string>;
}

export const r4Model = r4 as unknown as R4Model & Parameters<typeof import('fhirpath').compile>[1];
const model = r4 as unknown as R4Model;

/** What navigating to a child element gives: one property, or the properties of a choice element. */
export type ChildElement =
  | { kind: 'single'; property: string; typePath: string }
  | { kind: 'choice'; options: Array<{ property: string; typePath: string; typeName: string }> };

const primitiveSuffix = /^[A-Z]/;

/** The FHIRPath type name of a choice option suffix, e.g. `DateTime` → `dateTime`, `Quantity` → `Quantity`. */
function choiceTypeName(suffix: string): string {
  const lowered = suffix[0].toLowerCase() + suffix.slice(1);
  return isPrimitiveType(lowered) ? lowered : suffix;
}

const primitiveTypes = new Set([
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant', 'integer',
  'integer64', 'markdown', 'oid', 'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid', 'xhtml',
]);

export function isPrimitiveType(typePath: string): boolean {
  return typePath.startsWith('System.') || primitiveTypes.has(typePath);
}

/** Types whose equality is plain JavaScript equality (no date precision or quantity rules). */
const simpleEqualityTypes = new Set([
  'code', 'string', 'id', 'uri', 'url', 'canonical', 'oid', 'uuid', 'markdown', 'boolean', 'integer',
  'positiveInt', 'unsignedInt', 'System.String', 'System.Boolean', 'System.Integer',
]);

export function hasSimpleEquality(typePath: string): boolean {
  return simpleEqualityTypes.has(typePath);
}

function normalise(typePath: string): string {
  let path = typePath;
  for (const [prefix, target] of Object.entries(model.pathsDefinedElsewhere)) {
    if (path === prefix || path.startsWith(`${prefix}.`)) {
      path = target + path.slice(prefix.length);
      break;
    }
  }
  return path;
}

const childCache = new Map<string, ChildElement | null>();

/** The child element `name` of an element whose type (or backbone path) is `typePath`; null when unknown. */
export function childElement(typePath: string, name: string): ChildElement | null {
  const key = `${typePath}|${name}`;
  const cached = childCache.get(key);
  if (cached !== undefined) return cached;
  const result = lookupChild(normalise(typePath), name);
  childCache.set(key, result);
  return result;
}

function lookupChild(typePath: string, name: string): ChildElement | null {
  if (isPrimitiveType(typePath)) return null;
  for (let owner: string | undefined = typePath; owner; owner = model.type2Parent[owner]) {
    const full = `${owner}.${name}`;
    const choices = model.choiceTypePaths[full];
    if (choices) {
      return {
        kind: 'choice',
        options: choices.filter((s) => primitiveSuffix.test(s)).map((suffix) => {
          const typeName = choiceTypeName(suffix);
          return { property: name + suffix, typePath: typeName, typeName };
        }),
      };
    }
    const type = model.path2Type[full];
    if (type !== undefined) {
      const next = type === 'BackboneElement' || type === 'Element' ? full : type;
      return { kind: 'single', property: name, typePath: next };
    }
  }
  return null;
}

/** Whether `typePath` names a resource type (Patient, Observation, ...) in R4. */
export function isResourceType(name: string): boolean {
  let owner: string | undefined = name;
  while (owner) {
    if (owner === 'Resource') return true;
    owner = model.type2Parent[owner];
  }
  return false;
}

import { getDataType, type InternalSchemaElement, type InternalTypeSchema } from '@medplum/core';

/** What a JSON property of an object of some type is: its element, the value's type, and whether it is the `_x` extension part. */
export interface PropertyInfo {
  element: InternalSchemaElement;
  /** The element's name in the schema (`value[x]`, `status`). */
  name: string;
  type: string;
  primitiveExtension: boolean;
}

/** A type's elements indexed by the JSON keys they can appear under, built once per type. */
export interface SchemaIndex {
  schema: InternalTypeSchema;
  properties: Map<string, PropertyInfo>;
  /** Elements with min > 0 and the JSON keys that satisfy them. */
  required: Array<{ name: string; element: InternalSchemaElement; keys: string[] }>;
}

const SYSTEM_STRING = 'http://hl7.org/fhirpath/System.String';
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const indexes = new Map<string, SchemaIndex | null>();

/** The index for a type name (resource, datatype or backbone element such as `PatientContact`), or null if unknown. */
export function schemaIndex(typeName: string): SchemaIndex | null {
  let index = indexes.get(typeName);
  if (index !== undefined) return index;
  let schema: InternalTypeSchema | undefined;
  try {
    schema = getDataType(typeName);
  } catch {
    schema = undefined;
  }
  if (!schema?.elements || Object.keys(schema.elements).length === 0) {
    indexes.set(typeName, null);
    return null;
  }
  const properties = new Map<string, PropertyInfo>();
  const required: SchemaIndex['required'] = [];
  for (const [name, element] of Object.entries(schema.elements)) {
    const keys: string[] = [];
    if (name.endsWith('[x]')) {
      const base = name.slice(0, -3);
      for (const t of element.type) {
        const key = base + capitalize(t.code);
        const type = t.code === SYSTEM_STRING ? 'string' : t.code;
        properties.set(key, { element, name, type, primitiveExtension: false });
        properties.set('_' + key, { element, name, type, primitiveExtension: true });
        keys.push(key, '_' + key);
      }
    } else {
      const code = element.type[0]?.code ?? 'Element';
      const type = code === SYSTEM_STRING ? 'string' : code;
      properties.set(name, { element, name, type, primitiveExtension: false });
      properties.set('_' + name, { element, name, type, primitiveExtension: true });
      keys.push(name, '_' + name);
    }
    if (element.min > 0) required.push({ name, element, keys });
  }
  index = { schema, properties, required };
  indexes.set(typeName, index);
  return index;
}

/**
 * The SQL-on-FHIR v2 ViewDefinition shape (https://sql-on-fhir.org/ig/latest/StructureDefinition-ViewDefinition.html):
 * a resource type, optional constants and `where` filters, and a tree of `select` nodes whose
 * columns are FHIRPath expressions.
 */
export interface ViewDefinition {
  resourceType?: 'ViewDefinition';
  name?: string;
  title?: string;
  status?: string;
  /** The FHIR resource type the view flattens, e.g. `Patient`. */
  resource: string;
  constant?: ViewConstant[];
  select: SelectNode[];
  where?: Array<{ path: string; description?: string }>;
}

/** A named constant, `%name` in expressions, holding exactly one `value[x]`. */
export interface ViewConstant {
  name: string;
  [valueX: `value${string}`]: unknown;
}

export interface SelectNode {
  column?: ViewColumn[];
  select?: SelectNode[];
  /** One output row per item the expression returns; none when it returns nothing. */
  forEach?: string;
  /** Like forEach, but one row of nulls when the expression returns nothing. */
  forEachOrNull?: string;
  /** The rows of each branch, one after another; every branch must have the same columns. */
  unionAll?: SelectNode[];
}

export interface ViewColumn {
  name: string;
  path: string;
  type?: string;
  collection?: boolean;
  description?: string;
}

/** One output column of a compiled view, in output order. */
export interface ColumnInfo {
  name: string;
  /** The FHIR type declared on the column (`string`, `date`, `decimal`, ...), when given. */
  type?: string;
  collection: boolean;
}

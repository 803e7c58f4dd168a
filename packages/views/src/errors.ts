/**
 * A ViewDefinition that cannot be run: malformed structure, invalid FHIRPath, an unknown constant,
 * mismatched unionAll columns, or (while running) a non-collection column returning several values
 * or a `where` path that is not boolean. The message names the offending part of the view.
 */
export class ViewDefinitionError extends Error {
  constructor(
    message: string,
    /** Where in the ViewDefinition the problem is, e.g. `select[0].column[2].path`. */
    readonly location?: string,
  ) {
    super(location ? `${location}: ${message}` : message);
    this.name = 'ViewDefinitionError';
  }
}

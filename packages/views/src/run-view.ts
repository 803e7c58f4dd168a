import { compileView, type CompileViewOptions, type CompiledView } from './compile-view';

/** Runs a ViewDefinition over resources and returns rows as objects keyed by column name. */
export function runView(
  view: unknown,
  resources: Iterable<Record<string, unknown>>,
  options?: CompileViewOptions,
): Array<Record<string, unknown>> {
  const compiled = isCompiled(view) ? view : compileView(view, options);
  const names = compiled.columns.map((c) => c.name);
  const out: Array<Record<string, unknown>> = [];
  for (const resource of resources) {
    for (const row of compiled.rows(resource)) {
      const record: Record<string, unknown> = {};
      names.forEach((name, i) => (record[name] = row[i]));
      out.push(record);
    }
  }
  return out;
}

function isCompiled(view: unknown): view is CompiledView {
  return typeof (view as CompiledView | null)?.rows === 'function';
}

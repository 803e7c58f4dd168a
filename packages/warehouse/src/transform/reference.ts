import type { ViewMapper } from './context';

/** Organization → the directory (the organisations table is written from it when the load finishes). */
export const mapOrganisation: ViewMapper = (view, _resource, rows, context) => {
  const c = view.column;
  for (const row of rows) {
    context.directory.set({
      id: row[c.id] as string,
      odsCode: (row[c.ods_code] as string | null) ?? null,
      name: (row[c.name] as string | null) ?? null,
      kind: context.directory.kindFor((row[c.type_codes] as unknown[]) ?? []),
      placeCode: ((row[c.place_code] ?? row[c.place_code_text]) as string | null) ?? null,
      parentOds: (row[c.parent_ods] as string | null) ?? null,
      parentId: (row[c.parent_id] as string | null) ?? null,
    });
  }
};

/** Consent → the opt-out register, when one of its policies or codings is a recognised opt-out. */
export const mapOptOut: ViewMapper = (view, resource, rows, context) => {
  const c = view.column;
  const { optOutPolicyUris, optOutCodes } = context.codings;
  for (const row of rows) {
    const patientId = row[c.patient_id];
    if (typeof patientId !== 'string') continue;
    const policies = (row[c.policy_uris] as string[]) ?? [];
    const codes = [...((row[c.policy_rule_codes] as string[]) ?? []), ...((row[c.category_codes] as string[]) ?? [])];
    if (policies.some((uri) => optOutPolicyUris.has(uri)) || codes.some((code) => optOutCodes.has(code))) {
      context.optOuts.add(context.pseudonymiser.resourceKey('Consent', resource.id as string), context.pseudonymiser.patientKey(patientId));
    }
  }
};

/** PractitionerRole → the directory, so events a role recorded resolve to its organisation. */
export const mapPractitionerRole: ViewMapper = (view, _resource, rows, context) => {
  const c = view.column;
  for (const row of rows) {
    context.directory.setRole(row[c.id] as string, (row[c.organisation_ods] as string | null) ?? null, (row[c.organisation_id] as string | null) ?? null);
  }
};

import { badRequest, type Parameters, type ParametersParameter } from '@footprint/fhir';
import { BREAK_GLASS_REASON_SYSTEM, BREAK_GLASS_REASONS, EXPLANATION_MAX, type BreakGlassGrant, type BreakGlassReason } from '@footprint/record';

const KNOWN = new Set(['reason', 'explanation']);

function single(parameters: ParametersParameter[], name: string): ParametersParameter | undefined {
  const found = parameters.filter((p) => p.name === name);
  if (found.length > 1) throw badRequest(`The ${name} parameter is given ${found.length} times; give it once`, `Parameters.parameter.where(name='${name}')`);
  return found[0];
}

/**
 * Reads `$break-glass`'s Parameters: `reason` (valueCoding from the break-glass-reason code system,
 * or valueCode) and `explanation` (valueString, not empty). A 400 names the first problem.
 */
export function parseBreakGlassParameters(body: unknown): { reason: BreakGlassReason; explanation: string } {
  if (!body || typeof body !== 'object' || (body as { resourceType?: unknown }).resourceType !== 'Parameters') {
    throw badRequest('$break-glass takes a Parameters resource with reason and explanation', 'Parameters');
  }
  const parameters = (body as Parameters).parameter ?? [];
  const unknown = parameters.find((p) => !KNOWN.has(p.name));
  if (unknown) throw badRequest(`$break-glass has no parameter "${unknown.name}" (it takes reason and explanation)`, 'Parameters.parameter.name');

  const reasonParameter = single(parameters, 'reason');
  if (!reasonParameter) throw badRequest(`The reason parameter is required (a code from ${BREAK_GLASS_REASON_SYSTEM})`, "Parameters.parameter.where(name='reason')");
  let code: string | undefined;
  if (reasonParameter.valueCoding) {
    const { system } = reasonParameter.valueCoding;
    if (system !== undefined && system !== BREAK_GLASS_REASON_SYSTEM) throw badRequest(`The reason must come from ${BREAK_GLASS_REASON_SYSTEM}, not ${system}`, "Parameters.parameter.where(name='reason').valueCoding.system");
    code = reasonParameter.valueCoding.code;
  } else if (reasonParameter.valueCode !== undefined) code = reasonParameter.valueCode;
  else throw badRequest('The reason parameter needs a valueCoding or valueCode', "Parameters.parameter.where(name='reason')");
  if (!(BREAK_GLASS_REASONS as readonly string[]).includes(code ?? '')) {
    throw badRequest(`"${String(code)}" is not a break-glass reason (${BREAK_GLASS_REASONS.join(', ')})`, "Parameters.parameter.where(name='reason')");
  }

  const explanationParameter = single(parameters, 'explanation');
  const explanation = explanationParameter?.valueString?.trim() ?? '';
  if (!explanation) throw badRequest('The explanation parameter (valueString) is required: say why you need to see this record', "Parameters.parameter.where(name='explanation')");
  if (explanation.length > EXPLANATION_MAX) throw badRequest(`The explanation is longer than ${EXPLANATION_MAX} characters`, "Parameters.parameter.where(name='explanation')");
  return { reason: code as BreakGlassReason, explanation };
}

/** `$break-glass`'s answer: when access ends, and whether it overrode the person's dissent. */
export function breakGlassAnswer(grant: BreakGlassGrant): Parameters {
  return {
    resourceType: 'Parameters',
    parameter: [
      { name: 'expires', valueInstant: grant.expires },
      { name: 'overridesDissent', valueBoolean: grant.overridesDissent },
      { name: 'reason', valueCoding: { system: BREAK_GLASS_REASON_SYSTEM, code: grant.reason } },
      { name: 'grant', valueString: grant.id },
    ],
  };
}

import type { AuditActorView } from '../../api/types';

/** Break-glass (emergency access, purpose ETREAT) is marked wherever the audit is shown. */
export function BreakGlassTag() {
  return <strong className="nhsuk-tag nhsuk-tag--red footprint-nowrap">Break-glass</strong>;
}

/** An audit entry's outcome: allowed, or refused or failed (marked, so refusals stand out). */
export function OutcomeTag({ outcome }: { outcome: { code: string; label: string } }) {
  if (outcome.code === '0') return <>{outcome.label}</>;
  return <strong className="nhsuk-tag nhsuk-tag--orange">{outcome.label}</strong>;
}

/** Who acted: a member of staff with their role, a partner system, the person, or the platform. */
export function actorText(who: AuditActorView): string {
  return who.roleLabel ? `${who.name} (${who.roleLabel})` : who.name;
}

import type { Repository } from '@footprint/record';
import { membersOn, type MemberOrganisation } from '../organisations/members';
import type { RunningFootprint } from '../organisations/running';
import type { PartnershipStore } from '../store/items';
import type { FootprintRegister } from './footprints';
import { deliverySystemView, placesOn, placeView } from './places';
import type { AllianceView, FootprintDetail, MemberView } from './public-types';

export interface DetailSources {
  register: FootprintRegister;
  store: PartnershipStore;
  record: Repository;
  /** The footprint this instance runs (its members come from the record), if any. */
  running?: RunningFootprint;
  /** The display name of an organisation kind (the one list is @footprint/warehouse's organisationKindLabel). */
  kindLabel(kind: string): string;
}

const ALLIANCE_KINDS = new Set(['provider_alliance', 'integrated_care_partnership']);

/**
 * One footprint on a date as the public register shows it: its state and history, its places and
 * delivery systems on that date (store items), and, for the footprint this instance runs, its
 * member organisations on that date and its alliances with their own members (the record's
 * OrganizationAffiliations). Other footprints' members are not held here, so they are empty.
 */
export async function footprintDetail(sources: DetailSources, code: string, on: string): Promise<FootprintDetail> {
  const { summary, history } = await sources.register.stateOn(code, on);
  const { places, deliverySystems } = await placesOn(sources.store, code, on);
  const running = sources.running?.onsCode === code ? sources.running : undefined;
  const organisations = running ? await membersOn(sources.record, running.organisationId, on) : [];
  const view = (m: MemberOrganisation): MemberView => ({
    ...(m.odsCode ? { odsCode: m.odsCode } : {}),
    ...(m.onsCode ? { onsCode: m.onsCode } : {}),
    name: m.name,
    kind: m.kind,
    kindLabel: sources.kindLabel(m.kind),
    role: m.role,
    ...(m.period.start ? { start: m.period.start } : {}),
    ...(m.period.end ? { end: m.period.end } : {}),
  });
  const alliances: AllianceView[] = [];
  for (const member of organisations.filter((m) => ALLIANCE_KINDS.has(m.kind))) {
    // One organisation may be affiliated twice (two periods); list the alliance once.
    if (alliances.some((a) => a.name === member.name && a.odsCode === member.odsCode)) continue;
    alliances.push({
      ...(member.odsCode ? { odsCode: member.odsCode } : {}),
      name: member.name,
      kind: member.kind as AllianceView['kind'],
      members: (await membersOn(sources.record, member.id, on)).map(view),
    });
  }
  return {
    ...summary,
    on,
    names: history.names,
    statuses: history.statuses,
    odsCodes: history.odsCodes,
    places: places.map(placeView),
    deliverySystems: deliverySystems.map(deliverySystemView),
    members: organisations.map(view),
    alliances,
    sources: history.sources,
  };
}

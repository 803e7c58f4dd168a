import type { MapContext, ViewMapper } from './context';
import { firstDate } from './dates';
import { patientAndResource } from './events';

const inpatientClasses = new Set(['IMP', 'ACUTE', 'NONAC', 'SS', 'PRENC']);
/** v3 ActPriority emergency/urgent codes and admission-source codes for emergency routes. */
const emergencyPriorities = new Set(['EM', 'UR', 'S', 'A', 'CS']);
const emergencyAdmitSources = new Set(['emd', 'gp-emergency', '19', '21', '22', '23', '24', '28']);
const settingByProviderKind: Record<string, string> = {
  gp_practice: 'gp',
  pcn: 'gp',
  mental_health_provider: 'mental_health',
  community_provider: 'community',
  acute_trust: 'outpatient',
};

/**
 * The care setting, from the strongest evidence first: an emergency class; an inpatient class
 * split by admission priority, source or an emergency-admission type; the providing
 * organisation's kind; then the encounter type code (data/encounter-type-settings.csv).
 */
export function encounterSetting(classCode: unknown, typeCode: unknown, priority: unknown, admitSource: unknown, providerKind: string | null, context: MapContext): string | null {
  const typeSetting = typeof typeCode === 'string' ? context.codings.encounterSetting.get(typeCode) : undefined;
  if (classCode === 'EMER') return 'emergency';
  if (typeof classCode === 'string' && inpatientClasses.has(classCode)) {
    const emergency =
      emergencyPriorities.has(priority as string) || emergencyAdmitSources.has(admitSource as string) || typeSetting === 'inpatient_emergency';
    return emergency ? 'inpatient_emergency' : 'inpatient_elective';
  }
  if (classCode === 'HH') return 'community';
  if (providerKind && settingByProviderKind[providerKind]) return settingByProviderKind[providerKind];
  return typeSetting ?? null;
}

/** Encounters with these providers are social care or voluntary-sector contacts (social_care), not health care. */
const notHealthCare = new Set(['local_authority', 'voluntary']);

export const mapEncounter: ViewMapper = (view, resource, rows, context, sink) => {
  const c = view.column;
  for (const row of rows) {
    const organisation = context.directory.odsCode(row[c.organisation_ods], row[c.organisation_id]);
    const providerKind = context.directory.kindOf(organisation);
    if (providerKind && notHealthCare.has(providerKind)) continue;
    const keys = patientAndResource(resource, row[c.patient_id], context);
    if (!keys) return;
    sink('encounters', [
      keys[0],
      firstDate(row[c.start_date]),
      firstDate(row[c.end_date]),
      encounterSetting(row[c.class_code], row[c.type_code], row[c.priority_code], row[c.admit_source_code], providerKind, context),
      row[c.class_code] ?? null,
      row[c.type_code] ?? null,
      organisation,
      row[c.diagnosis_code] ?? null,
      keys[1],
    ]);
  }
};

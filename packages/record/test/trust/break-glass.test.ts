import type { AuditEvent, Observation, Patient } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { staffContext, type StaffRole } from '../../src/access/staff-policy';
import { PURPOSE_OF_USE_SYSTEM } from '../../src/access/trust-codes';
import type { OpenRecord } from '../../src/create-record';
import { openTestRecord } from '../engines';
import { admin, nhsNumber, NHS } from '../suite/context';
import { statusOf } from '../suite/crud';
import { sharingChoice } from './consents';

const HOSPITAL = 'Organization/hospital';
const OTHER_TRUST = 'Organization/other-trust';

function staff(role: StaffRole, id: string, organisation = HOSPITAL): AccessContext {
  return staffContext({ id, displayName: `User ${id}`, role, organisation: { code: 'RXX', reference: organisation } }, role === 'privacy_officer' ? 'HOPERAT' : 'TREAT');
}

describe('break-glass: grants, expiry, ETREAT audit and the privacy officer review', () => {
  let record: OpenRecord;
  let zoe: Patient;
  const nhs = nhsNumber();
  const clinician = staff('hospital_clinician', 'dr-hughes');
  const officer = staff('privacy_officer', 'po-jones');

  const grants = async () => Number((await record.sql.query<{ n: string }>('SELECT count(*) AS n FROM break_glass_grant')).rows[0].n);
  const lastAudit = async (): Promise<AuditEvent> => {
    const { rows } = await record.sql.query<{ content: string }>('SELECT content FROM audit_event WHERE patient_id = $1 ORDER BY rid DESC LIMIT 1', [zoe.id]);
    return JSON.parse(rows[0].content) as AuditEvent;
  };
  const purposeOf = (event: AuditEvent) => event.purposeOfEvent?.[0]?.coding?.[0];

  beforeAll(async () => {
    record = await openTestRecord('pglite');
    zoe = (await record.repo.create<Patient>(admin, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhs }], name: [{ family: 'Zed', given: ['Zoe'] }] })).resource;
    await record.repo.create<Observation>(admin, { resourceType: 'Observation', status: 'final', code: { text: 'blood pressure' }, subject: { reference: `Patient/${zoe.id}` } });
    // Zoe lets only the organisation that recorded each item see it: the hospital recorded nothing.
    await record.repo.create(admin, sharingChoice(zoe.id!, 'recording-organisation'));
  });
  afterAll(() => record.close());

  it('a clinician kept out by the sharing choice sees nothing of the person', async () => {
    expect(await statusOf(record.repo.read(clinician, 'Patient', zoe.id!))).toBe(403);
    expect((await record.repo.search(clinician, 'Observation', [['patient', `Patient/${zoe.id}`]])).matches).toHaveLength(0);
    expect(await record.repo.activeBreakGlass(clinician, zoe.id!)).toBeUndefined();
  });

  it('refuses non-clinicians and bad requests, writing no grant', async () => {
    const good = { patientId: zoe.id!, reason: 'emergency' as const, explanation: 'Unconscious in ED' };
    expect(await statusOf(record.repo.breakGlass(staff('analyst', 'an'), good))).toBe(403);
    expect(await statusOf(record.repo.breakGlass(staff('voluntary_worker', 'vw'), good))).toBe(403);
    expect(await statusOf(record.repo.breakGlass(officer, good))).toBe(403);
    expect(await statusOf(record.repo.breakGlass(admin, good))).toBe(403);
    expect(await statusOf(record.repo.breakGlass(clinician, { ...good, reason: 'curiosity' as never }))).toBe(400);
    expect(await statusOf(record.repo.breakGlass(clinician, { ...good, explanation: '   ' }))).toBe(400);
    expect(await statusOf(record.repo.breakGlass(clinician, { ...good, hours: 0 }))).toBe(400);
    expect(await statusOf(record.repo.breakGlass(clinician, { ...good, patientId: 'no-such-person' }))).toBe(404);
    expect(await grants()).toBe(0);
  });

  it('grants time-limited access, overriding the dissent, and audits every access under it as ETREAT', async () => {
    const before = Date.now();
    const grant = await record.repo.breakGlass(clinician, { patientId: zoe.id!, reason: 'emergency', explanation: 'Unconscious in ED' });
    expect(grant.overridesDissent).toBe(true);
    const hours = (Date.parse(grant.expires) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(3.99);
    expect(hours).toBeLessThan(4.01);
    expect(purposeOf(await lastAudit())).toEqual({ system: PURPOSE_OF_USE_SYSTEM, code: 'ETREAT' });

    expect((await record.repo.read<Patient>(clinician, 'Patient', zoe.id!)).id).toBe(zoe.id);
    const read = await lastAudit();
    expect(purposeOf(read)?.code).toBe('ETREAT');
    expect(read.agent[0].altId).toBe('dr-hughes');
    expect((await record.repo.search(clinician, 'Observation', [['patient', `Patient/${zoe.id}`]])).matches).toHaveLength(1);
    expect(purposeOf(await lastAudit())?.code).toBe('ETREAT');
    expect((await record.repo.everything(clinician, zoe.id!, {})).matches.length).toBeGreaterThanOrEqual(2);
    expect((await record.repo.activeBreakGlass(clinician, zoe.id!))?.id).toBe(grant.id);

    // Another clinician of the same hospital has no grant, and a partner system reads as TREAT.
    expect(await statusOf(record.repo.read(staff('hospital_clinician', 'dr-other'), 'Patient', zoe.id!))).toBe(403);
    await record.repo.read(admin, 'Patient', zoe.id!);
    expect(purposeOf(await lastAudit())?.code).toBe('TREAT');
  });

  it('does not override a dissent when the person shares with every partner', async () => {
    const raj = (await record.repo.create<Patient>(admin, { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber() }] })).resource;
    const grant = await record.repo.breakGlass(staff('gp_clinician', 'dr-gp', OTHER_TRUST), { patientId: raj.id!, reason: 'person-asked', explanation: 'Raj asked me to check', hours: 1 });
    expect(grant.overridesDissent).toBe(false);
    expect((Date.parse(grant.expires) - Date.parse(grant.grantedAt)) / 3_600_000).toBeCloseTo(1, 5);
  });

  it('stops at expiry, applied when the query runs', async () => {
    await record.sql.query(
      "UPDATE break_glass_grant SET granted_at = now() - interval '5 hours', expires_at = now() - interval '1 hour' WHERE user_id = 'dr-hughes'",
    );
    expect(await statusOf(record.repo.read(clinician, 'Patient', zoe.id!))).toBe(403);
    expect((await record.repo.search(clinician, 'Observation', [['patient', `Patient/${zoe.id}`]])).matches).toHaveLength(0);
    expect(await record.repo.activeBreakGlass(clinician, zoe.id!)).toBeUndefined();
  });

  it('opens a review for the privacy officers of the user’s organisation: open → reviewed → closed', async () => {
    const queue = await record.repo.breakGlassReviews(officer, { status: 'open' });
    expect(queue).toHaveLength(1);
    const [item] = queue;
    expect(item).toMatchObject({ user: { id: 'dr-hughes', display: 'User dr-hughes', role: 'hospital_clinician' }, reason: 'emergency', explanation: 'Unconscious in ED', overridesDissent: true, status: 'open' });
    expect(JSON.stringify(item)).not.toContain(zoe.id!);
    expect(JSON.stringify(item)).not.toContain(nhs);

    // Another organisation's privacy officer neither sees it nor can open it; nobody else may list.
    const elsewhere = staff('privacy_officer', 'po-else', OTHER_TRUST);
    expect(await record.repo.breakGlassReviews(elsewhere)).toHaveLength(1); // dr-gp's, at the other trust
    expect(await statusOf(record.repo.openBreakGlassReview(elsewhere, item.id))).toBe(404);
    expect(await statusOf(record.repo.breakGlassReviews(clinician))).toBe(403);
    expect(await statusOf(record.repo.breakGlassReviews(officer, { status: 'pending' as never }))).toBe(400);

    const opened = await record.repo.openBreakGlassReview(officer, item.id);
    expect(opened.person.nhsNumber).toBe(nhs);
    const audit = await lastAudit();
    expect(audit.agent[0].altId).toBe('po-jones');
    expect(audit.entity?.some((e) => e.what?.reference === `break-glass/${item.id}`)).toBe(true);

    expect(await statusOf(record.repo.closeBreakGlassReview(officer, item.id))).toBe(409);
    expect(await statusOf(record.repo.reviewBreakGlass(officer, item.id, { outcome: 'fine' as never, note: 'x' }))).toBe(400);
    expect(await statusOf(record.repo.reviewBreakGlass(officer, item.id, { outcome: 'appropriate', note: ' ' }))).toBe(400);
    const reviewed = await record.repo.reviewBreakGlass(officer, item.id, { outcome: 'appropriate', note: 'ED attendance confirmed' });
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.review).toMatchObject({ outcome: 'appropriate', note: 'ED attendance confirmed', reviewedBy: 'User po-jones' });
    expect(Date.parse(reviewed.review.reviewedAt!)).toBeGreaterThan(0);
    expect(await statusOf(record.repo.reviewBreakGlass(officer, item.id, { outcome: 'inappropriate', note: 'again' }))).toBe(409);
    const closed = await record.repo.closeBreakGlassReview(officer, item.id);
    expect(closed.status).toBe('closed');
    expect(closed.review.closedBy).toBe('User po-jones');
    expect(await statusOf(record.repo.closeBreakGlassReview(officer, item.id))).toBe(409);
    expect(await record.repo.breakGlassReviews(officer, { status: 'open' })).toHaveLength(0);
    expect((await record.repo.breakGlassReviews(officer, { status: 'closed' })).map((r) => r.id)).toEqual([item.id]);
  });
});

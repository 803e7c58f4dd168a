import type { SqlClient } from '@footprint/record';
import { EnquiryStore } from './store';

/**
 * The demo's inbox: a few synthetic enquiries (no real person), one new, one assigned with a note,
 * one answered and closed, so the staff pages have something to show. Only when there are none yet.
 */
export async function seedDemoEnquiries(sql: SqlClient, signature: string): Promise<boolean> {
  const { rows } = await sql.query<{ n: string }>('SELECT count(*) AS n FROM engage_enquiry');
  if (Number(rows[0].n) > 0) return false;
  const store = new EnquiryStore(sql, signature);
  const staff = { id: 'demo-seed', name: 'Demo engagement team' };
  const closed = await store.receive({ topic: 'the-plan', message: 'Where can I read the plan in easy read?\n\nMy brother has a learning disability and would like to read it too.', name: 'Demo Resident One', consentToContact: false }, 'web');
  await store.assign(closed.reference, 'accessibility', staff);
  await store.reply(closed.reference, 'Thank you for asking. The easy read version of the plan is linked at the foot of every page of our website, and we can post a printed copy.', staff);
  await store.close(closed.reference, 'answered', staff);
  const open = await store.receive({ topic: 'service', message: 'The walk-in centre near me has shorter opening hours this winter. Will that carry on next year?', name: 'Demo Resident Two', email: 'resident.two@example.org', consentToContact: true }, 'web');
  await store.assign(open.reference, 'place-merseyside', staff);
  await store.note(open.reference, 'Asked the Liverpool place team for the winter plan.', staff);
  await store.receive({ topic: 'consultation', message: 'How do I take part in the consultation on community services if I do not use the internet?', consentToContact: false }, 'api');
  return true;
}

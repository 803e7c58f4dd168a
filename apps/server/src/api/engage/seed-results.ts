import { ModerationStore, OutcomeStore, ResultsStore } from '@footprint/engage';
import type { Platform } from '../../platform';
import { planItemChoices } from './results';

/** Who the seed acts as in the moderation audit and the outcomes. */
const SEED_USER = 'footprint-demo';

/** Words that make the demo's moderator reject an answer as offensive (the demo's synthetic answers include one). */
const OFFENSIVE = /\b(idiots?|morons?|useless lot|disgrace(?:ful)?|stupid)\b/i;

const THEMES = `Many people told us about getting to appointments: parking charges at hospitals, buses from villages that arrive after clinics open, and the cost of taxis for people who cannot drive.

Carers asked to be recognised when they phone on someone's behalf, and for information in easy read and in languages other than English.`;

/**
 * The demo's published results, for the closed consultation the consultations seed made: its
 * publishable free text moderated (each flagged piece of personal data redacted, one offensive
 * answer rejected, the rest approved), its results published with the themes not covered, and
 * three outcomes linked to the demo plan's ambitions and priorities. Idempotent: once the results
 * are published it does nothing; with no closed consultation yet it does nothing.
 */
export async function seedResults(platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {
  const { rows } = await platform.sql.query<{ id: string; title: string; results_published_at: Date | null }>(
    "SELECT id, definition->>'title' AS title, results_published_at FROM engage_consultation WHERE published_at IS NOT NULL AND closes_on < (now() AT TIME ZONE 'Europe/London')::date ORDER BY closes_on DESC, id LIMIT 1",
  );
  const consultation = rows[0];
  if (!consultation || consultation.results_published_at) return;

  const moderation = new ModerationStore(platform.sql);
  let rejected = false;
  for (const item of await moderation.items(consultation.id)) {
    if (item.status !== 'pending') continue;
    if (!rejected && OFFENSIVE.test(item.text)) {
      await moderation.reject(item.id, { reason: 'Offensive language about staff' }, SEED_USER);
      rejected = true;
      continue;
    }
    for (const flag of item.flags) await moderation.redact(item.id, { start: flag.start, end: flag.end, reason: 'personal-data', kind: flag.kind }, SEED_USER);
    await moderation.approve(item.id, SEED_USER);
  }

  const results = new ResultsStore(platform.sql);
  await results.setThemesNotCovered(consultation.id, { themesNotCovered: THEMES }, SEED_USER);
  const choices = await planItemChoices(platform);
  const ambitions = choices.filter((c) => c.kind === 'ambition');
  const priorities = choices.filter((c) => c.kind === 'priority');
  const link = (...items: Array<(typeof choices)[number] | undefined>) => items.filter((i): i is (typeof choices)[number] => !!i).map(({ kind, id }) => ({ kind, id }));
  await new OutcomeStore(platform.sql).replace(
    consultation.id,
    [
      {
        weAsked: `We asked which changes in "${consultation.title}" matter most to you.`,
        youSaid: 'Most of you put shorter waits and care nearer home first, and many of you told us that getting to appointments is hard without a car.',
        weDid: `We made care nearer home part of the ambition "${ambitions[0]?.title ?? 'our first ambition'}" and will report progress on it each quarter on these pages.`,
        planItems: link(ambitions[0], priorities[0]),
      },
      {
        weAsked: 'We asked how well the services you use work together.',
        youSaid: 'You told us you repeat your story to every service, and that letters arrive late or not at all.',
        weDid: `We added shared care records and text reminders to the work behind "${ambitions[1]?.title ?? 'our second ambition'}".`,
        planItems: link(ambitions[1]),
      },
      {
        weAsked: 'We asked what else we should know.',
        youSaid: 'Carers asked to be recognised when they call on someone’s behalf, and for information in easy read and other languages.',
        weDid: `We will publish every plan summary in easy read and the five most-used languages, starting with "${priorities[1]?.title ?? priorities[0]?.title ?? 'our priorities'}".`,
        planItems: link(priorities[1] ?? priorities[0]),
      },
    ],
    SEED_USER,
  );
  await results.publish(consultation.id, SEED_USER);
}

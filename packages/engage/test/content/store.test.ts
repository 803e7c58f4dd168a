import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { ContentStore, EngageConflictError, EngageInputError, EngageNotFoundError, engageMigrationSets } from '../../src';

describe.each(postgresKinds())('the content store on %s', (kind) => {
  let open: OpenRecord;
  let store: ContentStore;

  beforeAll(async () => {
    open = await openOnTestStorage(kind, 'engage_content', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...engageMigrationSets] }));
    store = new ContentStore(open.sql);
  });
  afterAll(async () => open?.close());

  it('keeps a draft private until it is published, then keeps every published version whole', async () => {
    const page = await store.create({ kind: 'page', slug: 'accessibility', title: 'Accessibility statement', body: 'We aim to meet WCAG 2.2 AA.' }, 'Pat Lead');
    expect(page.publishedVersion).toBeNull();
    expect(page.unpublishedChanges).toBe(true);
    await expect(store.published('page', 'accessibility')).rejects.toBeInstanceOf(EngageNotFoundError);

    await store.publish(page.id, { change: 'First published' }, 'Pat Lead');
    expect((await store.published('page', 'accessibility')).body).toBe('We aim to meet WCAG 2.2 AA.');

    // A new draft changes nothing the public sees until it too is published.
    const edited = await store.saveDraft(page.id, { body: 'We meet WCAG 2.2 AA.\n\nTell us if something does not work for you.' }, 'Alex Admin');
    expect(edited.unpublishedChanges).toBe(true);
    expect((await store.published('page', 'accessibility')).version).toBe(1);
    expect((await store.published('page', 'accessibility')).body).toBe('We aim to meet WCAG 2.2 AA.');

    const history = await store.publish(page.id, { change: 'Says how to report a problem' }, 'Alex Admin');
    expect(history.unpublishedChanges).toBe(false);
    expect(history.versions.map((v) => [v.version, v.publishedBy, v.change, v.changedFields])).toEqual([
      [2, 'Alex Admin', 'Says how to report a problem', ['body']],
      [1, 'Pat Lead', 'First published', ['title', 'summary', 'body', 'position', 'illustrative']],
    ]);
    expect(history.versions[1].body).toBe('We aim to meet WCAG 2.2 AA.');
    const shown = await store.published('page', 'accessibility');
    expect([shown.version, shown.body]).toEqual([2, 'We meet WCAG 2.2 AA.\n\nTell us if something does not work for you.']);
    // The public's history has no publisher's name.
    const publicHistory = await store.publicHistory('page', 'accessibility');
    expect(publicHistory.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(JSON.stringify(publicHistory)).not.toContain('Alex Admin');
  });

  it('refuses to publish a draft that is the same as the published version, and leaves the history alone', async () => {
    const news = await store.create({ kind: 'news', slug: 'same-again', title: 'News', body: 'Text' }, 'Pat Lead');
    await store.publish(news.id, { change: 'First' }, 'Pat Lead');
    await expect(store.publish(news.id, { change: 'Again' }, 'Pat Lead')).rejects.toBeInstanceOf(EngageConflictError);
    expect((await store.withHistory(news.id)).versions).toHaveLength(1);
  });

  it('names each field that is wrong, and refuses a slug already used by its kind', async () => {
    const attempt = store.create({ kind: 'leaflet', slug: 'Not A Slug', title: '', body: 'x', extra: 1 }, 'Pat Lead');
    await expect(attempt).rejects.toBeInstanceOf(EngageInputError);
    const problems = ((await attempt.catch((e: unknown) => e)) as EngageInputError).problems;
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^kind: must be page, news or question/), expect.stringMatching(/^slug: /), expect.stringMatching(/^title: must not be empty/), expect.stringMatching(/unknown field extra/)]));
    await expect(store.publish(1, { change: '' }, 'Pat Lead')).rejects.toThrow(/change: must not be empty/);
    await expect(store.saveDraft(1, { position: -1 }, 'Pat Lead')).rejects.toThrow(/position: must be 0 or more/);
    await expect(store.saveDraft(1, { body: 'bell \u0007' }, 'Pat Lead')).rejects.toThrow(/body: must not hold control characters/);
    await expect(store.create({ kind: 'page', slug: 'accessibility', title: 'Again', body: 'x' }, 'Pat Lead')).rejects.toBeInstanceOf(EngageConflictError);
    // The same slug may be used by another kind.
    expect((await store.create({ kind: 'question', slug: 'accessibility', title: 'Is the site accessible?', body: 'Yes.' }, 'Pat Lead')).kind).toBe('question');
    await expect(store.get(99_999)).rejects.toBeInstanceOf(EngageNotFoundError);
  });

  it('lists published questions in their order and news newest first, each as last published', async () => {
    const second = await store.create({ kind: 'question', slug: 'who-runs-it', title: 'Who runs the partnership?', body: 'Its members together.', position: 2 }, 'Pat Lead');
    const first = await store.create({ kind: 'question', slug: 'what-is-it', title: 'What is the partnership?', body: 'NHS and councils working together.', position: 1 }, 'Pat Lead');
    await store.create({ kind: 'question', slug: 'draft-only', title: 'Not yet', body: 'Draft.', position: 0 }, 'Pat Lead');
    await store.publish(second.id, { change: 'New' }, 'Pat Lead');
    await store.publish(first.id, { change: 'New' }, 'Pat Lead');
    await store.saveDraft(first.id, { position: 9 }, 'Pat Lead'); // unpublished: the public order stays
    expect((await store.publishedList('question')).map((q) => q.slug)).toEqual(['what-is-it', 'who-runs-it']);
    const a = await store.create({ kind: 'news', slug: 'older', title: 'Older', body: 'x' }, 'Pat Lead');
    await store.publish(a.id, { change: 'New' }, 'Pat Lead');
    const b = await store.create({ kind: 'news', slug: 'newer', title: 'Newer', body: 'x' }, 'Pat Lead');
    await store.publish(b.id, { change: 'New' }, 'Pat Lead');
    expect((await store.publishedList('news')).map((n) => n.slug).slice(0, 2)).toEqual(['newer', 'older']);
  });

  it('stores text as text, byte for byte: markup is never interpreted', async () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)> \'quotes\' “curly” — ünïcode';
    const item = await store.create({ kind: 'news', slug: 'hostile', title: hostile.slice(0, 190), body: hostile }, 'Pat Lead');
    await store.publish(item.id, { change: hostile.slice(0, 100) }, 'Pat Lead');
    const shown = await store.published('news', 'hostile');
    expect(shown.body).toBe(hostile);
    expect(shown.title).toBe(hostile.slice(0, 190));
  });
});

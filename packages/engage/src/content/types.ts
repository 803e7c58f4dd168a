/** What the public's content is: fixed pages (the plan summary, easy read, accessibility, privacy, others), news, and frequently asked questions. */
export const CONTENT_KINDS = ['page', 'news', 'question'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** The pages every partnership's public site has, by slug: each has its own address under /public. */
export const STANDARD_PAGES = {
  'plan-summary': 'The plan in plain English',
  'easy-read': 'Easy read',
  accessibility: 'Accessibility statement',
  privacy: 'How we use your information',
} as const;
export type StandardPage = keyof typeof STANDARD_PAGES;

/** The fields a version holds; a question's title is the question and its body the answer. */
export interface ContentFields {
  title: string;
  /** A line under the title (news: its standfirst); '' for none. */
  summary: string;
  /** Plain text: blank lines between paragraphs, "## " starts a heading, "- " a bullet. Never HTML. */
  body: string;
  /** Order among questions (smallest first); 0 for pages and news. */
  position: number;
  /** Made up for the demonstration, and shown so wherever it appears. */
  illustrative: boolean;
}
export const CONTENT_FIELDS = ['title', 'summary', 'body', 'position', 'illustrative'] as const satisfies ReadonlyArray<keyof ContentFields>;

/** What staff send to create an item. */
export interface ContentInput extends Partial<ContentFields> {
  kind: ContentKind;
  slug: string;
  title: string;
  body: string;
}

/** One published version, kept for ever. */
export interface ContentVersion extends ContentFields {
  version: number;
  /** What changed, in the publisher's words. */
  change: string;
  /** Which fields differ from the version before (all of them for the first). */
  changedFields: string[];
  publishedAt: string;
  publishedBy: string;
}

/** An item as staff see it: the draft, and where publication stands. */
export interface ContentItem extends ContentFields {
  id: number;
  kind: ContentKind;
  slug: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The latest published version's number, or null when never published. */
  publishedVersion: number | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** True when the draft differs from the latest published version (or was never published). */
  unpublishedChanges: boolean;
}

/** An item with every published version, newest first. */
export interface ContentWithHistory extends ContentItem {
  versions: ContentVersion[];
}

/** What the public sees of an item: its latest published version, when it was first and last published, and its history (without who published). */
export interface PublishedContent extends ContentFields {
  kind: ContentKind;
  slug: string;
  version: number;
  firstPublishedAt: string;
  lastPublishedAt: string;
}
export interface PublicContentVersion extends ContentFields {
  version: number;
  change: string;
  changedFields: string[];
  publishedAt: string;
}

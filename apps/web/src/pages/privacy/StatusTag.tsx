const TAGS: Record<string, { label: string; tag: string }> = {
  open: { label: 'Waiting for review', tag: 'nhsuk-tag--orange' },
  reviewed: { label: 'Reviewed', tag: 'nhsuk-tag--blue' },
  closed: { label: 'Closed', tag: 'nhsuk-tag--grey' },
};

/** A break-glass review's status as an NHS.UK tag. */
export function StatusTag({ status }: { status: string }) {
  const tag = TAGS[status] ?? { label: status, tag: 'nhsuk-tag--grey' };
  return <strong className={`nhsuk-tag ${tag.tag}`}>{tag.label}</strong>;
}

import type { ChangedBy, FieldChangeView, VersionView } from '@footprint/partnership';

const TAGS: Record<VersionView['change'], string> = {
  created: 'nhsuk-tag--green',
  updated: 'nhsuk-tag--blue',
  deleted: 'nhsuk-tag--red',
  restored: 'nhsuk-tag--purple',
  imported: 'nhsuk-tag--aqua-green',
};

/** The kind of change, as an NHS.UK tag: created, updated, deleted (red), restored, imported. */
export function ChangeTag({ version }: { version: Pick<VersionView, 'change' | 'changeLabel'> }) {
  return <strong className={`nhsuk-tag ${TAGS[version.change] ?? 'nhsuk-tag--grey'}`}>{version.changeLabel}</strong>;
}

export function whoText(who: ChangedBy): string {
  return `${who.name} (${who.roleLabel})`;
}

/** A value as the server wrote it for people (dates as dates, lists one per line, text as text), or "Not set". */
export function ValueText({ text }: { text: string | null }) {
  if (text === null) return <span className="footprint-history-unset">Not set</span>;
  return <span className="footprint-history-value">{text}</span>;
}

/** A short line per changed field, for lists of changes: "Status: planned → done". */
export function ChangeSummary({ changes, shown = 3 }: { changes: FieldChangeView[]; shown?: number }) {
  if (changes.length === 0) return <>No field changed</>;
  const more = changes.length - shown;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {changes.slice(0, shown).map((c) => (
        <li key={c.field} className="nhsuk-u-margin-bottom-1">
          <strong>{c.label}</strong>: {c.beforeText === null ? <>set to {short(c.afterText)}</> : c.afterText === null ? <>{short(c.beforeText)} removed</> : <>{short(c.beforeText)} → {short(c.afterText)}</>}
        </li>
      ))}
      {more > 0 && <li className="nhsuk-u-margin-bottom-0">and {more} more</li>}
    </ul>
  );
}

/** Long values are cut in the list (the item's history shows them whole). */
function short(text: string | null): string {
  const flat = (text ?? '').replace(/\n/g, '; ');
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

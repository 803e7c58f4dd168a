import { lineDiff } from './diff';
import type { ContentVersion } from './types';
import { when } from './types';

const FIELD_WORDS: Record<string, string> = { title: 'title', summary: 'summary', body: 'text', position: 'order', illustrative: 'illustrative label' };

/** The text of a version against the one before it: removed lines struck through, added lines marked. */
function Changes({ before, after }: { before: ContentVersion; after: ContentVersion }) {
  const lines = lineDiff(before.body, after.body).filter((l) => l.text.trim() !== '' || l.kind !== 'same');
  return (
    <div className="fp-diff" data-testid="version-diff">
      {before.title !== after.title && (
        <p className="nhsuk-body-s">
          Title was “{before.title}”, now “{after.title}”.
        </p>
      )}
      {before.summary !== after.summary && (
        <p className="nhsuk-body-s">
          Summary was “{before.summary || '(none)'}”, now “{after.summary || '(none)'}”.
        </p>
      )}
      <ul className="nhsuk-list fp-diff__lines">
        {lines.map((l, i) =>
          l.kind === 'same' ? (
            <li key={i} className="fp-diff__same">
              {l.text}
            </li>
          ) : l.kind === 'added' ? (
            <li key={i} className="fp-diff__added">
              <ins>
                <span className="nhsuk-u-visually-hidden">Added: </span>
                {l.text || '(blank line)'}
              </ins>
            </li>
          ) : (
            <li key={i} className="fp-diff__removed">
              <del>
                <span className="nhsuk-u-visually-hidden">Removed: </span>
                {l.text || '(blank line)'}
              </del>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/** Every published version, newest first: who, when, what changed (their words, the fields, the lines), and the whole text of each. */
export function ContentHistory({ versions }: { versions: ContentVersion[] }) {
  if (versions.length === 0) return <p className="nhsuk-body">Not published yet: the public cannot see it.</p>;
  return (
    <ol className="nhsuk-list fp-history" reversed data-testid="staff-history">
      {versions.map((v, i) => {
        const before = versions[i + 1];
        return (
          <li key={v.version} className="fp-history__version" data-version={v.version}>
            <h3 className="nhsuk-heading-s">
              Version {v.version}: {when(v.publishedAt)} by {v.publishedBy}
            </h3>
            <p className="nhsuk-body fp-plain-text" data-testid="version-change">
              {v.change}
            </p>
            <p className="nhsuk-body-s">Changed: {v.changedFields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}.</p>
            {before && (
              <details className="nhsuk-details">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">What changed from version {before.version}</span>
                </summary>
                <div className="nhsuk-details__text">
                  <Changes before={before} after={v} />
                </div>
              </details>
            )}
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Read version {v.version}</span>
              </summary>
              <div className="nhsuk-details__text">
                <h4>{v.title}</h4>
                {v.summary && <p className="nhsuk-body">{v.summary}</p>}
                <p className="nhsuk-body fp-plain-text">{v.body}</p>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}

import { Link } from 'react-router-dom';
import type { AllianceView, MemberView } from '@footprint/partnership';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';

type Ids = Record<string, string>;

/** A member's name, linking to its organisation page when the record id is known. */
function memberName(member: MemberView, ids: Ids) {
  const id = ids[member.odsCode ?? member.onsCode ?? ''];
  return id ? <Link to={`/partnership/organisations/${encodeURIComponent(id)}`}>{member.name}</Link> : member.name;
}

function MemberTable({ caption, members, ids, testId }: { caption: string; members: MemberView[]; ids: Ids; testId?: string }) {
  return (
    <FigureTable
      caption={caption}
      testId={testId}
      columns={[
        { key: 'name', header: 'Organisation', render: (m) => memberName(m, ids) },
        { key: 'odsCode', header: 'ODS code', render: (m) => m.odsCode ?? m.onsCode ?? '' },
        { key: 'role', header: 'Role', render: (m) => m.role.label },
        { key: 'start', header: 'Since', nowrap: true, render: (m) => (m.start ? formatDate(m.start) : 'Not recorded') },
      ]}
      rows={members}
      emptyText="No members on this date."
    />
  );
}

/** The footprint's member organisations on the date: how many of each kind, and each kind's list. */
export function MembersSection({ members, organisationIds }: { members: MemberView[]; organisationIds: Ids }) {
  const kinds = new Map<string, MemberView[]>();
  for (const m of members) kinds.set(m.kindLabel, [...(kinds.get(m.kindLabel) ?? []), m]);
  const byKind = [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <h2 id="members">Member organisations</h2>
      <FigureTable
        caption="Member organisations by kind"
        testId="partnership-member-kinds"
        columns={[
          { key: 'kind', header: 'Kind of organisation' },
          { key: 'count', header: 'Members', numeric: true },
        ]}
        rows={byKind.map(([kind, list]) => ({ kind, count: list.length }))}
        emptyText="The record holds no member organisations for this footprint yet."
      />
      {byKind.map(([kind, list]) => (
        <details className="nhsuk-details" key={kind} data-testid="partnership-member-kind">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {kind} ({list.length})
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <MemberTable caption={`${kind}: members`} members={list} ids={organisationIds} />
          </div>
        </details>
      ))}
      <p>
        <Link to="/partnership/organisations">Search every organisation</Link>
      </p>
    </>
  );
}

const ALLIANCE_KIND_NAMES: Record<AllianceView['kind'], string> = {
  provider_alliance: 'Provider alliance',
  integrated_care_partnership: 'Integrated care partnership',
};

/** The footprint's provider alliances and integrated care partnerships, each with its own members. */
export function AlliancesSection({ alliances, organisationIds }: { alliances: AllianceView[]; organisationIds: Ids }) {
  return (
    <>
      <h2 id="alliances">Alliances and integrated care partnerships</h2>
      {alliances.length === 0 && <p>The record holds no provider alliances or integrated care partnerships for this footprint on this date.</p>}
      {alliances.map((a) => (
        <section key={`${a.kind}-${a.odsCode ?? a.name}`} data-testid="partnership-alliance">
          <h3>
            {organisationIds[a.odsCode ?? ''] ? <Link to={`/partnership/organisations/${encodeURIComponent(organisationIds[a.odsCode!])}`}>{a.name}</Link> : a.name}
          </h3>
          <p className="nhsuk-body-s">
            {ALLIANCE_KIND_NAMES[a.kind]}
            {a.odsCode ? `, ODS code ${a.odsCode}` : ''}: {a.members.length} members.
          </p>
          {/* Collapsed, as the members by kind: a footprint has a dozen alliances and partnerships, some with dozens of members. */}
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Members of {a.name}</span>
            </summary>
            <div className="nhsuk-details__text">
              <MemberTable caption={`Members of ${a.name}`} members={a.members} ids={organisationIds} />
            </div>
          </details>
        </section>
      ))}
    </>
  );
}

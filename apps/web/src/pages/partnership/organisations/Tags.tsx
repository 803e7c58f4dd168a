/** Marks an organisation or membership made up for the demonstration (meta.tag `illustrative` in the record). */
export function IllustrativeTag() {
  return (
    <strong className="nhsuk-tag nhsuk-tag--yellow footprint-tag-inline" title="Made up for the demonstration, not a statement of fact">
      Illustrative
    </strong>
  );
}

/** Whether a membership holds today, has ended, is still to come, or was withdrawn. */
export function MembershipStatus({ period, active, today }: { period: { start?: string; end?: string }; active: boolean; today: string }) {
  if (!active) return <strong className="nhsuk-tag nhsuk-tag--red">Withdrawn</strong>;
  if (period.end && period.end < today) return <strong className="nhsuk-tag nhsuk-tag--grey">Ended</strong>;
  if (period.start && period.start > today) return <strong className="nhsuk-tag nhsuk-tag--blue">Starts later</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--green">Current</strong>;
}

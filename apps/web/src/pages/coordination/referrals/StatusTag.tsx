/** A task's state as an NHS.UK tag, coloured by what it asks of the reader. */
const COLOURS: Record<string, string> = {
  requested: 'nhsuk-tag--blue',
  accepted: 'nhsuk-tag--aqua-green',
  'in-progress': 'nhsuk-tag--aqua-green',
  'on-hold': 'nhsuk-tag--yellow',
  completed: 'nhsuk-tag--green',
  rejected: 'nhsuk-tag--red',
  failed: 'nhsuk-tag--red',
  cancelled: 'nhsuk-tag--grey',
  draft: 'nhsuk-tag--white',
};

export function StatusTag({ status, label }: { status: string; label: string }) {
  return <strong className={`nhsuk-tag ${COLOURS[status] ?? 'nhsuk-tag--grey'}`}>{label}</strong>;
}

export function OverdueTag() {
  return <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>;
}

/** What each move is called on a button or radio. */
export const MOVE_LABELS: Record<string, string> = {
  accepted: 'Accept',
  rejected: 'Reject (say why)',
  'in-progress': 'Start work',
  'on-hold': 'Put on hold',
  completed: 'Complete',
  failed: 'Could not be done (say why)',
  cancelled: 'Cancel the referral',
};

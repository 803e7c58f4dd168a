import { Link } from 'react-router-dom';

/** "Ask to correct this" beside an entry of the person's record: opens the request form with the entry chosen. */
export function CorrectLink({ entry, what }: { entry: string; what: string }) {
  return (
    <Link to={`/patient/corrections?entry=${encodeURIComponent(entry)}`}>
      Ask to correct this<span className="nhsuk-u-visually-hidden">: {what}</span>
    </Link>
  );
}

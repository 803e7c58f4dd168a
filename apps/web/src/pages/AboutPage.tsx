import { useParams } from 'react-router-dom';
import { usePageTitle } from '../components/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

function Privacy() {
  usePageTitle('How Footprint uses data');
  return (
    <>
      <h1>How Footprint uses data</h1>
      <h2>Direct care</h2>
      <p>
        Clinicians and social workers of partner organisations can see a person’s shared care record when they are caring for them. Every
        time anyone views a record, Footprint writes who looked, when, and why to an audit trail that cannot be changed.
      </p>
      <h2>Planning and improving services</h2>
      <p>
        Population health figures come from a pseudonymised copy of the record: it holds no names, NHS numbers, addresses or free text.
        People who have registered a national data opt-out are left out. Small numbers are suppressed and other counts are rounded, so no
        one can be identified from a published figure.
      </p>
      <h2>Finding people who may need care</h2>
      <p>
        A GP practice can see which of its own registered patients case finding suggests may have an undiagnosed condition, so it can invite
        them for a check. Only staff of that practice can see who they are, and each look is audited.
      </p>
    </>
  );
}

function Accessibility() {
  usePageTitle('Accessibility statement');
  return (
    <>
      <h1>Accessibility statement</h1>
      <p>
        Footprint is built with the NHS.UK design system and aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level
        AA. Every page is checked automatically with axe-core in a real browser as part of the test suite.
      </p>
      <p>
        You should be able to use Footprint with a keyboard alone, with a screen reader, and zoomed to 400%. Every chart has the same figures
        in a table beneath it.
      </p>
      <h2>Reporting a problem</h2>
      <p>If you find something in Footprint hard to use, tell your organisation’s Footprint administrator.</p>
    </>
  );
}

/** The short fixed pages linked from the footer. */
export function AboutPage() {
  const { topic } = useParams();
  if (topic === 'privacy') return <Privacy />;
  if (topic === 'accessibility') return <Accessibility />;
  return <NotFoundPage />;
}

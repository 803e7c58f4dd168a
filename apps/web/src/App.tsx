import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Capability } from './api/types';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { Loading } from './components/Status';
import { AboutPage } from './pages/AboutPage';
import { FeedsPage } from './pages/FeedsPage';
import { FootprintPage } from './pages/FootprintPage';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PatientRecordPage } from './pages/PatientRecordPage';
import { PlacePage } from './pages/PlacePage';
import { PopulationPage } from './pages/PopulationPage';
import { PracticePage } from './pages/PracticePage';
import { PrivacyReviewPage } from './pages/privacy/PrivacyReviewPage';
import { OrganisationPage } from './pages/partnership/organisations/OrganisationPage';
import { OrganisationsPage } from './pages/partnership/organisations/OrganisationsPage';
import { PrivacyReviewsPage } from './pages/privacy/PrivacyReviewsPage';
import { PrivacyPage } from './pages/privacy/PrivacyPage';
import { AuditSearchPage } from './pages/privacy/AuditSearchPage';
import { UnusualAccessPage } from './pages/privacy/UnusualAccessPage';
import { CareRecordSearchPage } from './pages/CareRecordSearchPage';
import { ChangesPage } from './pages/partnership/changes/ChangesPage';
import { ItemHistoryPage } from './pages/partnership/changes/ItemHistoryPage';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { DuplicatesPage } from './pages/matching/DuplicatesPage';
import { SignInPage } from './pages/SignInPage';
import { SessionsPage } from './pages/SessionsPage';
import { StartPage } from './pages/StartPage';
import { WorklistPage } from './pages/WorklistPage';
import { ChooseRolePage } from './pages/ChooseRolePage';
import { CarePlanPage } from './pages/patient/CarePlanPage';
import { AccessLogPage } from './pages/patient/AccessLogPage';
import { CorrectionsPage as PatientCorrectionsPage } from './pages/patient/CorrectionsPage';
import { CorrectionsPage } from './pages/corrections/CorrectionsPage';
import { ChoicesPage } from './pages/patient/ChoicesPage';
import { MyRecordPage } from './pages/patient/MyRecordPage';
import { PatientArea } from './pages/patient/PatientArea';
import { PartnershipPage } from './pages/partnership/PartnershipPage';
import { SignInProblemPage } from './pages/patient/SignInProblemPage';
import { useSession } from './session/SessionContext';
import { FootprintHistoryPage } from './pages/partnership/footprints/FootprintHistoryPage';
import { FootprintsPage } from './pages/partnership/footprints/FootprintsPage';
import { AmbitionPage } from './pages/partnership/plan/AmbitionPage';
import { PlanPage } from './pages/partnership/plan/PlanPage';
import { ProgrammePage } from './pages/partnership/plan/ProgrammePage';
import { RiskRegisterPage } from './pages/partnership/plan/RiskRegisterPage';
import { GovernancePage } from './pages/partnership/governance/GovernancePage';
import { BodyPage } from './pages/partnership/governance/BodyPage';
import { MeetingPage } from './pages/partnership/governance/MeetingPage';
import { ActionLogPage } from './pages/partnership/governance/ActionLogPage';
import { PERFORMANCE_ROUTES } from './pages/performance/routes';
import { ENGAGE_ROUTES } from './pages/engage/routes';
import { COORDINATION_ROUTES } from './pages/coordination/routes';

/** Pages that need a signed-in user with a capability; others are told plainly they have no access. */
function Guarded({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { user, can } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading what="your session" />;
  if (user === null) return <Navigate to={`/sign-in?from=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!can(capability)) return <ForbiddenPage />;
  return <>{children}</>;
}

/** Moves focus to the main content after each navigation, so screen reader users hear the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return main;
}

export function App() {
  const { user } = useSession();
  const main = useFocusOnNavigate();
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper footprint-main" id="maincontent" role="main" tabIndex={-1} ref={main}>
          {user?.mustChangePassword ? (
            <ChangePasswordPage forced />
          ) : (
          <Routes>
            <Route path="/" element={user === undefined ? <Loading what="Footprint" /> : user ? <HomePage /> : <StartPage />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-in/choose-role" element={<ChooseRolePage />} />
            <Route path="/patient" element={<PatientArea><MyRecordPage /></PatientArea>} />
            <Route path="/patient/care-plan" element={<PatientArea><CarePlanPage /></PatientArea>} />
            <Route path="/patient/access-log" element={<PatientArea><AccessLogPage /></PatientArea>} />
            <Route path="/patient/choices" element={<PatientArea><ChoicesPage /></PatientArea>} />
            <Route path="/patient/corrections" element={<PatientArea><PatientCorrectionsPage /></PatientArea>} />
            <Route path="/patient/sign-in-problem" element={<SignInProblemPage />} />
            <Route path="/about/:topic" element={<AboutPage />} />
            <Route path="/footprint" element={<Guarded capability="overview"><FootprintPage /></Guarded>} />
            <Route path="/footprint/places/:placeCode" element={<Guarded capability="overview"><PlacePage /></Guarded>} />
            <Route path="/footprint/practices/:practiceCode" element={<Guarded capability="overview"><PracticePage /></Guarded>} />
            <Route path="/population" element={<Navigate to="/population/prevalence" replace />} />
            <Route path="/population/:view" element={<Guarded capability="population"><PopulationPage /></Guarded>} />
            <Route path="/care-record" element={<Guarded capability="care-record"><CareRecordSearchPage /></Guarded>} />
            <Route path="/care-record/patients/:patientId" element={<Guarded capability="care-record"><PatientRecordPage /></Guarded>} />
            <Route path="/worklist" element={<Guarded capability="worklist"><WorklistPage /></Guarded>} />
            <Route path="/feeds" element={<Guarded capability="feeds"><FeedsPage /></Guarded>} />
            <Route path="/accounts" element={<Guarded capability="accounts"><AccountsPage /></Guarded>} />
            <Route path="/sessions" element={user ? <SessionsPage /> : <Navigate to="/sign-in?from=%2Fsessions" replace />} />
            <Route path="/change-password" element={user ? <ChangePasswordPage /> : <Navigate to="/sign-in?from=%2Fchange-password" replace />} />
            <Route path="/corrections" element={<Guarded capability="corrections"><CorrectionsPage /></Guarded>} />
            <Route path="/duplicates" element={<Guarded capability="duplicates"><DuplicatesPage /></Guarded>} />
            <Route path="/privacy" element={<Guarded capability="privacy-reviews"><PrivacyPage /></Guarded>} />
            <Route path="/privacy/audit" element={<Guarded capability="privacy-reviews"><AuditSearchPage /></Guarded>} />
            <Route path="/privacy/unusual-access" element={<Guarded capability="privacy-reviews"><UnusualAccessPage /></Guarded>} />
            <Route path="/privacy/reviews" element={<Guarded capability="privacy-reviews"><PrivacyReviewsPage /></Guarded>} />
            <Route path="/privacy/reviews/:reviewId" element={<Guarded capability="privacy-reviews"><PrivacyReviewPage /></Guarded>} />
            <Route path="/partnership/footprints" element={<Guarded capability="partnership"><FootprintsPage /></Guarded>} />
            <Route path="/partnership/footprints/:code" element={<Guarded capability="partnership"><FootprintHistoryPage /></Guarded>} />
            <Route path="/partnership/organisations" element={<Guarded capability="partnership"><OrganisationsPage /></Guarded>} />
            <Route path="/partnership/organisations/:organisationId" element={<Guarded capability="partnership"><OrganisationPage /></Guarded>} />
            <Route path="/partnership/plan" element={<Guarded capability="partnership"><PlanPage /></Guarded>} />
            <Route path="/partnership/plan/:planId/programmes/:programmeId" element={<Guarded capability="partnership"><ProgrammePage /></Guarded>} />
            <Route path="/partnership/plan/:planId/ambitions/:ambitionId" element={<Guarded capability="partnership"><AmbitionPage /></Guarded>} />
            <Route path="/partnership/plan/:planId/risks" element={<Guarded capability="partnership"><RiskRegisterPage /></Guarded>} />
            <Route path="/partnership/changes" element={<Guarded capability="partnership"><ChangesPage /></Guarded>} />
            <Route path="/partnership/changes/:itemId" element={<Guarded capability="partnership"><ItemHistoryPage /></Guarded>} />
            <Route path="/partnership/governance" element={<Guarded capability="partnership"><GovernancePage /></Guarded>} />
            <Route path="/partnership/governance/bodies/:bodyId" element={<Guarded capability="partnership"><BodyPage /></Guarded>} />
            <Route path="/partnership/governance/meetings/:meetingId" element={<Guarded capability="partnership"><MeetingPage /></Guarded>} />
            <Route path="/partnership/governance/actions" element={<Guarded capability="partnership"><ActionLogPage /></Guarded>} />
            <Route path="/partnership" element={<Guarded capability="partnership"><PartnershipPage /></Guarded>} />
            {PERFORMANCE_ROUTES.map(({ path, element }) => (
              <Route key={path} path={path} element={<Guarded capability="performance">{element}</Guarded>} />
            ))}
            {ENGAGE_ROUTES.map(({ path, element, capability }) => (
              <Route key={path} path={path} element={<Guarded capability={capability}>{element}</Guarded>} />
            ))}
            {COORDINATION_ROUTES.map(({ path, element }) => (
              <Route key={path} path={path} element={<Guarded capability="coordination">{element}</Guarded>} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
          )}
        </main>
      </div>
      <Footer />
    </>
  );
}

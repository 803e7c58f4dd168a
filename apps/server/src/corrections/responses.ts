/** What the corrections pages show (staff: /api/corrections; the person: /api/patient/corrections). */

export type CorrectionStatus = 'requested' | 'in-progress' | 'completed' | 'rejected' | 'cancelled';

/** The entry a correction is asked about, as the asker or answerer may see it. */
export interface CorrectionEntry {
  reference: string;
  /** e.g. "Problem", "Result"; null when the entry cannot be read (deleted, or not visible to you). */
  kind: string | null;
  display: string | null;
  date: string | null;
}

export interface CorrectionRequestView {
  id: string;
  status: CorrectionStatus;
  asked: string | null;
  description: string;
  entry: CorrectionEntry;
  organisation: { reference: string; name: string };
  /** The organisation's answer, once given. */
  answer: { text: string; by: string | null; at: string | null } | null;
}

/** A staff member's view adds who asked (the person, identified for direct care). */
export interface StaffCorrectionView extends CorrectionRequestView {
  person: { id: string; name: string; nhsNumber: string | null };
}

export interface StaffCorrectionsAnswer {
  organisation: string;
  open: StaffCorrectionView[];
  answered: StaffCorrectionView[];
}

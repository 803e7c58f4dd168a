/**
 * Which patients have opted out of planning and research use, from their Consents. Kept per
 * Consent (by resource_key) so a refresh can tell when a patient's last opt-out is withdrawn.
 */
export type OptOutEvent = ['add', bigint, string] | ['remove', bigint];

export class OptOutRegister {
  private readonly consents = new Map<bigint, string>();
  private readonly patients = new Map<string, number>();
  /** When set, every change is also recorded here (a worker thread reports them to the loader). */
  journal: OptOutEvent[] | null = null;

  add(consentKey: bigint, patientKey: string): void {
    this.remove(consentKey);
    this.journal?.push(['add', consentKey, patientKey]);
    this.consents.set(consentKey, patientKey);
    this.patients.set(patientKey, (this.patients.get(patientKey) ?? 0) + 1);
  }

  remove(consentKey: bigint): void {
    const patientKey = this.consents.get(consentKey);
    if (patientKey === undefined) return;
    this.journal?.push(['remove', consentKey]);
    this.consents.delete(consentKey);
    const left = (this.patients.get(patientKey) ?? 1) - 1;
    if (left > 0) this.patients.set(patientKey, left);
    else this.patients.delete(patientKey);
  }

  has(patientKey: string): boolean {
    return this.patients.has(patientKey);
  }

  /** Patients currently opted out. */
  patientKeys(): Set<string> {
    return new Set(this.patients.keys());
  }

  entries(): Array<[bigint, string]> {
    return [...this.consents.entries()];
  }
}

export function replayOptOuts(register: OptOutRegister, events: readonly OptOutEvent[]): void {
  for (const event of events) {
    if (event[0] === 'add') register.add(event[1], event[2]);
    else register.remove(event[1]);
  }
}

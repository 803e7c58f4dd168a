/**
 * Which patients have opted out of planning and research use, from their Consents. Kept per
 * Consent (by resource_key) so a refresh can tell when a patient's last opt-out is withdrawn.
 */
export class OptOutRegister {
  private readonly consents = new Map<bigint, string>();
  private readonly patients = new Map<string, number>();

  add(consentKey: bigint, patientKey: string): void {
    this.remove(consentKey);
    this.consents.set(consentKey, patientKey);
    this.patients.set(patientKey, (this.patients.get(patientKey) ?? 0) + 1);
  }

  remove(consentKey: bigint): void {
    const patientKey = this.consents.get(consentKey);
    if (patientKey === undefined) return;
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

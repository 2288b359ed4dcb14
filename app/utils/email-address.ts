/** The form an address is compared and stored in: registrations and accounts match on it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Verifies a customer's bearer token: signature, expiry, issuer and audience.
export interface CustomerTokens {
  // The customer id the token was issued to (its subject); null for a token that does not verify.
  subjectOf(token: string): Promise<string | null>;
}

/**
 * Signs a request body and says which header carries the signature. Pluggable so a key held elsewhere
 * (HSM, KMS, passkey) can replace the built-in API-key stamper; it mirrors `stamp(payload)` of Turnkey's
 * SDK stampers (`@turnkey/api-key-stamper`), with neutral field names.
 */
export interface Stamper {
  /**
   * Signs exactly `body` (its UTF-8 bytes). The caller must send this same string unchanged: there is
   * no canonicalisation, so any re-serialisation after stamping invalidates the signature.
   */
  stamp(body: string): Promise<{ headerName: string; headerValue: string }>;
}

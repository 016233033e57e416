// X-Stamp verification, the server side of packages/auth/src/signing: the header is unpadded base64url of
// {publicKey, scheme, signature}; the signature is DER ECDSA P-256 over SHA-256 of the exact body bytes.
// WebCrypto verifies IEEE-P1363 (r‖s), so the DER signature is unpacked first.

export const STAMP_SCHEME = "SIGNATURE_SCHEME_TK_API_P256";

export type StampCheck = { publicKey: string } | { failure: string };

/** r‖s (32 bytes each) from `SEQUENCE { INTEGER r, INTEGER s }`; undefined if it is not that. */
function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const out = new Uint8Array(64);
  let offset = 2;
  for (const half of [0, 32]) {
    if (der[offset] !== 0x02) return undefined;
    const length = der[offset + 1]!;
    let value = der.subarray(offset + 2, offset + 2 + length);
    offset += 2 + length;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32 || value.length === 0) return undefined;
    out.set(value, half + 32 - value.length);
  }
  return offset === der.length ? out : undefined;
}

/** Checks an X-Stamp against the exact body, for one of `knownKeys` (compressed hex public keys). */
export async function verifyStamp(header: string | undefined, body: string, knownKeys: ReadonlySet<string>): Promise<StampCheck> {
  if (!header) return { failure: "missing X-Stamp header" };
  if (!/^[A-Za-z0-9_-]+$/.test(header)) return { failure: "could not verify stamp: not unpadded base64url" };
  let stamp: { publicKey?: unknown; scheme?: unknown; signature?: unknown };
  try {
    stamp = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  } catch {
    return { failure: "could not verify stamp: not JSON" };
  }
  if (stamp.scheme !== STAMP_SCHEME) return { failure: `could not verify stamp: unsupported scheme` };
  if (typeof stamp.publicKey !== "string" || !knownKeys.has(stamp.publicKey.toLowerCase())) {
    return { failure: "could not verify stamp: unknown API key" };
  }
  const signature = typeof stamp.signature === "string" && /^[0-9a-f]+$/i.test(stamp.signature) ? derToP1363(Buffer.from(stamp.signature, "hex")) : undefined;
  if (!signature) return { failure: "could not verify stamp: malformed signature" };
  const key = await crypto.subtle.importKey("raw", Buffer.from(stamp.publicKey, "hex"), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  const valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, new TextEncoder().encode(body));
  return valid ? { publicKey: stamp.publicKey.toLowerCase() } : { failure: "could not verify stamp: signature does not match request body" };
}

/** A fresh P-256 API key pair in Turnkey's formats: compressed public key and private scalar, hex. */
export async function generateApiKey(): Promise<{ apiPublicKey: string; apiPrivateKey: string }> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const jwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
  const x = Buffer.from(jwk.x!, "base64url");
  const y = Buffer.from(jwk.y!, "base64url");
  const prefix = (y[y.length - 1]! & 1) === 1 ? "03" : "02";
  return { apiPublicKey: prefix + x.toString("hex"), apiPrivateKey: Buffer.from(jwk.d!, "base64url").toString("hex") };
}

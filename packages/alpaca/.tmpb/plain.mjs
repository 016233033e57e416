// ../auth/dist/chunks/chunk-5UMMUIVY.js
var hexDigit = (digit) => /[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit;
var hex = (value, width) => [...value.toString(16).padStart(width, "0")].map(hexDigit).join("");
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
var HTML_NAMED = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" };
var JSON_SHORT = {
  '"': '"',
  "/": "/",
  "\b": "b",
  "\f": "f",
  "\n": "n",
  "\r": "r",
  "	": "t"
};
function codePointForms(char) {
  if (/^[A-Za-z0-9]$/.test(char)) return [char];
  const code = char.codePointAt(0);
  const forms = /* @__PURE__ */ new Set([char === "\\" ? "\\\\+" : escapeRegExp(char)]);
  const units = code > 65535 ? [55296 + (code - 65536 >> 10), 56320 + (code - 65536 & 1023)] : [code];
  forms.add(units.map((unit) => `\\\\+u${hex(unit, 4)}`).join(""));
  const short = JSON_SHORT[char];
  if (short !== void 0) forms.add(`\\\\+${escapeRegExp(short)}`);
  forms.add([...new TextEncoder().encode(char)].map((byte) => `%(?:25)*${hex(byte, 2)}`).join(""));
  if (char === " ") forms.add("\\+");
  forms.add(`&#0*${code};`);
  forms.add(`&#[xX]0*${hex(code, 1)};`);
  const named = HTML_NAMED[char];
  if (named !== void 0) forms.add(`&${named};`);
  return [...forms];
}
function echoPattern(secret) {
  return [...secret].map((char) => `(?:${codePointForms(char).join("|")})`).join("");
}
function base64Cores(secret) {
  const bytes = new TextEncoder().encode(secret);
  const cores = /* @__PURE__ */ new Set();
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    let binary = "";
    for (const byte of padded) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const core = encoded.slice(Math.ceil(8 * offset / 6), Math.floor(8 * (offset + bytes.length) / 6));
    if (core.length === 0) continue;
    cores.add(core);
    cores.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...cores];
}
var SECRET_FIELD_NAMES = "access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|code|password|sec|secret|accessToken|refreshToken|mdAccessToken|authCode|codeVerifier|clientSecret|apiPrivateKey|privateKey|token|assertion|signature|p-ticket|credentialBundle|oidcToken|session|encryptedClientSecret|apiKey|api_key|key|\\w*(?:Token|_token|Secret|_secret|PrivateKey|_private_key|Password|_password)";
var SECRET_FIELD = new RegExp(`^(?:${SECRET_FIELD_NAMES})$`, "i");
function isSecretField(name) {
  return SECRET_FIELD.test(name);
}
var SECRET_HEADERS = /* @__PURE__ */ new Set([
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "x-stamp",
  "x-stamp-webauthn",
  "apca-api-key-id",
  "apca-api-secret-key",
  "cookie",
  "set-cookie"
]);
var REDACTED = "[redacted]";
var MIN_FREE_TEXT_LENGTH = 6;
var DELIMITER = `[\\s"'=:&;,<>()\\[\\]{}/?#|\\\\+]|%[0-9A-Fa-f]{2}`;
var JSON_FIELD = new RegExp(`("(?:${SECRET_FIELD_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");
var ESCAPED_JSON_FIELD = new RegExp(`(\\\\+"(?:${SECRET_FIELD_NAMES})\\\\+"\\s*:\\s*\\\\+")[^"]*?(?=\\\\+")`, "gi");
var FORM_FIELD = new RegExp(`((?:^|[?&\\s;"'#,])(?:${SECRET_FIELD_NAMES})=)[^&\\s"'<>#]*`, "gi");
var AUTH_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*(?![\w=".~+/-])/gi;
function maskNamedFields(text) {
  return text.replace(JSON_FIELD, `$1"${REDACTED}"`).replace(ESCAPED_JSON_FIELD, `$1${REDACTED}`).replace(FORM_FIELD, `$1${REDACTED}`).replace(AUTH_VALUE, `$1 ${REDACTED}`);
}
function base64Of(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
function createMasker(secrets) {
  const unique = [...new Set([...secrets].filter((s) => typeof s === "string" && s.length > 0))];
  unique.sort((a, b) => b.length - a.length);
  const free = [];
  const bounded = [];
  for (const secret of unique) {
    if (secret.length >= MIN_FREE_TEXT_LENGTH) {
      free.push(echoPattern(secret));
      for (const core of base64Cores(secret)) if (core.length >= MIN_FREE_TEXT_LENGTH) free.push(echoPattern(core));
    } else {
      bounded.push(echoPattern(secret));
      const encoded = base64Of(secret);
      const url = encoded.replace(/\+/g, "-").replace(/\//g, "_");
      for (const form of /* @__PURE__ */ new Set([encoded, encoded.replace(/=+$/, ""), url, url.replace(/=+$/, "")])) bounded.push(echoPattern(form));
    }
  }
  const freeText = free.length > 0 ? new RegExp(free.join("|"), "g") : void 0;
  const asValue = bounded.length > 0 ? new RegExp(`(^|${DELIMITER})(?:${bounded.join("|")})(?=${DELIMITER}|$)`, "g") : void 0;
  const known = (text) => {
    let out = text;
    if (freeText) out = out.replace(freeText, REDACTED);
    if (asValue) out = out.replace(asValue, `$1${REDACTED}`).replace(asValue, `$1${REDACTED}`);
    return out;
  };
  return Object.assign((text) => maskNamedFields(known(text)), { known });
}
function requestSecrets(sent) {
  const out = [];
  for (const headers of sent.headers) collectHeaderSecrets(headers, out);
  let url;
  try {
    url = new URL(sent.url);
  } catch {
  }
  if (url) {
    for (const [key, value] of url.searchParams) if (isSecretField(key)) out.push(value);
    out.push(...pathParameterValues(url.pathname, sent.pathTemplate));
  }
  const text = typeof sent.body === "string" ? sent.body : sent.body && sent.body.length > 0 ? new TextDecoder().decode(sent.body) : "";
  if (text !== "") collectBodySecrets(text, out);
  return out;
}
function collectHeaderSecrets(headers, out) {
  for (const name of SECRET_HEADERS) {
    const value = headers.get(name);
    if (!value) continue;
    out.push(value);
    if (name === "cookie" || name === "set-cookie") {
      for (const pair of value.split(/[;,]/)) out.push(pair.slice(pair.indexOf("=") + 1).trim());
      continue;
    }
    const scheme = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
    if (!scheme) continue;
    out.push(scheme[2]);
    if (scheme[1].toLowerCase() === "basic") {
      try {
        const decoded = new TextDecoder().decode(Uint8Array.from(atob(scheme[2]), (c) => c.charCodeAt(0)));
        out.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
      } catch {
      }
    }
  }
}
function collectBodySecrets(text, out) {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      collectJsonSecrets(JSON.parse(text), out, 0);
      return;
    } catch {
    }
  }
  for (const [key, value] of new URLSearchParams(text)) if (isSecretField(key)) out.push(value);
}
function collectJsonSecrets(value, out, depth) {
  if (depth > 64 || value === null || typeof value !== "object") return;
  for (const [key, member] of Object.entries(value)) {
    if (typeof member === "string" && isSecretField(key)) out.push(member);
    else collectJsonSecrets(member, out, depth + 1);
  }
}
function alignTemplate(pathname, template) {
  const actual = pathname.split("/");
  const wanted = template.split("/");
  const offset = actual.length - wanted.length;
  if (offset < 0) return { actual, params: [] };
  const params = [];
  wanted.forEach((segment, i) => {
    if (/\{[^}]+\}/.test(segment)) params.push([offset + i, segment]);
  });
  return { actual, params };
}
function pathParameterValues(pathname, template) {
  if (!template) return [];
  const { actual, params } = alignTemplate(pathname, template);
  const out = [];
  for (const [index] of params) {
    const raw = actual[index] ?? "";
    out.push(raw);
    try {
      out.push(decodeURIComponent(raw));
    } catch {
    }
  }
  return out.filter(Boolean);
}
var SNIPPET_LENGTH = 200;
function shorten(masked) {
  const oneLine = masked.replace(/\s+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).trim();
  return oneLine.length > SNIPPET_LENGTH ? `${oneLine.slice(0, SNIPPET_LENGTH)}\u2026` : oneLine;
}
function snippet(body, known = []) {
  let text;
  if (typeof body === "string") text = body;
  else if (body === void 0) return "";
  else {
    try {
      text = JSON.stringify(body) ?? "";
    } catch {
      text = String(body);
    }
  }
  const mask = typeof known === "function" ? known : createMasker(known);
  return shorten(mask(text));
}
function safeUrl(url, template) {
  try {
    const u = new URL(url);
    return `${u.origin}${template ? templatedPath(u.pathname, template) : u.pathname}`;
  } catch {
    return REDACTED;
  }
}
function templatedPath(pathname, template) {
  const { actual, params } = alignTemplate(pathname, template);
  for (const [index, name] of params) actual[index] = name;
  return actual.join("/");
}
var SAFE_ERROR = /* @__PURE__ */ Symbol.for("oauth-kit.safe-error");
var KEPT_CAUSE_FIELDS = ["code", "errno", "syscall"];
var MAX_CAUSE_DEPTH = 4;
function safeCause(cause, mask, depth = 0) {
  if (cause === void 0 || cause === null) return cause;
  if (cause instanceof Error && cause[SAFE_ERROR] === true) return cause;
  if (!(cause instanceof Error)) return mask(String(cause));
  const copy = new Error(mask(cause.message));
  copy.name = cause.name;
  copy.stack = mask(cause.stack ?? "");
  for (const field of KEPT_CAUSE_FIELDS) {
    const value = cause[field];
    if (typeof value === "string" || typeof value === "number") Object.assign(copy, { [field]: typeof value === "string" ? mask(value) : value });
  }
  const inner = cause.cause;
  if (inner !== void 0 && depth < MAX_CAUSE_DEPTH) {
    Object.defineProperty(copy, "cause", { value: safeCause(inner, mask, depth + 1), enumerable: false, configurable: true });
  }
  return copy;
}
function safeChallenges(challenges, mask) {
  if (!challenges) return [];
  return challenges.map((challenge) => {
    const params = {};
    for (const [name, value] of Object.entries(challenge.params)) params[mask(name)] = mask(value);
    const safe = { scheme: mask(challenge.scheme), params };
    if (challenge.token68 !== void 0) safe.token68 = mask(challenge.token68);
    return safe;
  });
}
var maskers = /* @__PURE__ */ new WeakMap();
var NO_SECRETS = createMasker([]);
function maskerFor(secrets) {
  if (secrets === void 0) return NO_SECRETS;
  let mask = maskers.get(secrets);
  if (!mask) {
    mask = createMasker(secrets);
    maskers.set(secrets, mask);
  }
  return mask;
}
var INSPECT = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");
var OAuthKitError = class extends Error {
  kind;
  method;
  url;
  attempts;
  requestId;
  constructor(kind, message, context = {}) {
    const mask = maskerFor(context.secrets);
    super(mask.known(message), context.cause === void 0 ? void 0 : { cause: safeCause(context.cause, mask) });
    this.name = new.target.name;
    this.kind = kind;
    this.method = context.method;
    this.url = context.url === void 0 ? void 0 : mask(context.url);
    this.attempts = context.attempts;
    this.requestId = context.requestId === void 0 ? void 0 : shorten(mask(context.requestId));
    if ("cause" in this) Object.defineProperty(this, "cause", { enumerable: false });
  }
  /** The fields that are safe to log. */
  toJSON() {
    const out = { name: this.name, kind: this.kind, message: this.message };
    for (const key of ["method", "url", "attempts", "requestId"]) {
      if (this[key] !== void 0) out[key] = this[key];
    }
    return out;
  }
  [INSPECT]() {
    return `${this.name} ${JSON.stringify(this.toJSON(), null, 2)}`;
  }
};
Object.defineProperty(OAuthKitError.prototype, SAFE_ERROR, { value: true });
var ApiError = class extends OAuthKitError {
  status;
  retryAfterMs;
  /** The parsed WWW-Authenticate challenges (RFC 9110 §11.6.1); empty when the server sent none. */
  challenges;
  snippet;
  constructor(init, kind = kindForStatus(init.status), message) {
    const mask = maskerFor(init.secrets);
    const excerpt = snippet(init.body, mask);
    super(
      kind,
      message ?? `${init.method ?? "request"} ${init.url ?? ""} failed with HTTP ${init.status}${excerpt ? `: ${excerpt}` : ""}`.replace(
        "  ",
        " "
      ),
      init
    );
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.challenges = safeChallenges(init.challenges, mask);
    this.snippet = excerpt;
    Object.defineProperty(this, "body", { value: init.body, enumerable: false });
  }
  toJSON() {
    const out = { ...super.toJSON(), status: this.status, snippet: this.snippet };
    return this.retryAfterMs === void 0 ? out : { ...out, retryAfterMs: this.retryAfterMs };
  }
};
function kindForStatus(status) {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limit";
  return "http";
}
var OAuthError = class extends OAuthKitError {
  error;
  errorDescription;
  errorUri;
  status;
  /** The parsed WWW-Authenticate challenges of a 401 (e.g. `Basic realm="oauth"` for invalid_client). */
  challenges;
  /** `context.secrets`: values the request sent (a code, a client secret...) to mask if the server echoes them. */
  constructor(fields, context = {}) {
    const mask = maskerFor(context.secrets);
    const error = mask(String(fields.error));
    const description = fields.errorDescription === void 0 ? void 0 : mask(String(fields.errorDescription));
    super("oauth", `OAuth error ${shorten(error)}${description ? `: ${shorten(description)}` : ""}`, {
      method: context.method,
      url: context.url,
      attempts: context.attempts,
      requestId: context.requestId,
      cause: context.cause,
      secrets: context.secrets
    });
    this.error = error;
    this.errorDescription = description;
    this.errorUri = fields.errorUri === void 0 ? void 0 : mask(String(fields.errorUri));
    this.status = fields.status;
    this.challenges = safeChallenges(fields.challenges, mask);
  }
  toJSON() {
    return {
      ...super.toJSON(),
      error: shorten(this.error),
      ...this.errorDescription === void 0 ? {} : { errorDescription: shorten(this.errorDescription) },
      ...this.errorUri === void 0 ? {} : { errorUri: shorten(this.errorUri) },
      ...this.status === void 0 ? {} : { status: this.status }
    };
  }
};
var InvalidResponseError = class extends OAuthKitError {
  status;
  snippet;
  constructor(message, context = {}) {
    super("invalid_response", message, context);
    this.status = context.status;
    this.snippet = context.snippet === void 0 ? void 0 : maskerFor(context.secrets)(context.snippet);
  }
  toJSON() {
    return { ...super.toJSON(), status: this.status, snippet: this.snippet };
  }
};
var TimeoutError = class extends OAuthKitError {
  constructor(message, context = {}) {
    super("timeout", message, context);
  }
};
var AbortError = class extends OAuthKitError {
  constructor(message, context = {}) {
    super("abort", message, context);
  }
};
var ConnectionError = class extends OAuthKitError {
  /** The system error code when known (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`, ...). */
  code;
  constructor(message, context = {}) {
    super("connection", message, context);
    this.code = context.code;
  }
  toJSON() {
    return { ...super.toJSON(), code: this.code };
  }
};
var RedirectError = class extends OAuthKitError {
  status;
  constructor(message, context) {
    super("redirect", message, context);
    this.status = context.status;
  }
};
var ConfigError = class extends OAuthKitError {
  constructor(message) {
    super("config", message);
  }
};
var StoreError = class extends OAuthKitError {
  reason;
  constructor(reason, message, context = {}) {
    super("store", message, context);
    this.reason = reason;
  }
  toJSON() {
    return { ...super.toJSON(), reason: this.reason };
  }
};

// ../auth/dist/chunks/chunk-6RCVPVXC.js
var CONTEXT_KEY = "oauthKitContext";
var contexts = /* @__PURE__ */ new WeakMap();
function knownContextOf(request) {
  return request[CONTEXT_KEY] ?? contexts.get(request);
}
function contextOf(request) {
  let context = knownContextOf(request);
  if (!context) {
    context = {};
    contexts.set(request, context);
  }
  return context;
}
var streamBodies = /* @__PURE__ */ new WeakSet();
var INFO = /* @__PURE__ */ Symbol("oauth-kit exchange");
var responseInfo = {
  get(response) {
    return response[INFO]?.();
  },
  set(response, info) {
    response[INFO] = () => info;
  }
};
function resolveRetryOptions(options = {}) {
  const resolved = {
    maxRetries: options.maxRetries ?? 2,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8e3,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 6e4,
    deadlineMs: options.deadlineMs
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (value !== void 0 && (!Number.isFinite(value) || value < 0)) {
      throw new RangeError(`retry.${name} must be a finite number >= 0`);
    }
  }
  return resolved;
}
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500;
}
var MAX_HTTP_DATE_LENGTH = 64;
var HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s[\w\s:,-]+$/i;
function parseHttpDate(value) {
  const text = value.trim();
  if (text.length > MAX_HTTP_DATE_LENGTH || !HTTP_DATE.test(text)) return void 0;
  const date = Date.parse(text);
  return Number.isNaN(date) ? void 0 : date;
}
function retryAfterMs(headers, now) {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get("retry-after");
  if (header === null || header.trim() === "") return void 0;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1e3;
  const date = parseHttpDate(header);
  return date === void 0 ? void 0 : Math.max(0, date - now);
}
function backoffMs(retry, options, random = Math.random) {
  return Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry));
}
var TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
var QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
var SCHEME = new RegExp(`^(${TOKEN})(?=[ ,]|$)`);
var PARAM = new RegExp(`^(${TOKEN})[ \\t]*=[ \\t]*(${TOKEN}|${QUOTED})[ \\t]*`);
var NEXT_PARAM = new RegExp(`^,[ \\t]*${TOKEN}[ \\t]*=[ \\t]*(?:${TOKEN}|${QUOTED})`);
var TOKEN68 = /^([A-Za-z0-9\-._~+/]+=*)[ \t]*(?=,|$)/;
function parseWwwAuthenticate(header) {
  if (!header) return [];
  const challenges = [];
  let rest = header.trim();
  while (rest !== "") {
    rest = rest.replace(/^[ \t,]+/, "");
    if (rest === "") break;
    const scheme = SCHEME.exec(rest);
    if (!scheme) return [];
    rest = rest.slice(scheme[0].length).replace(/^[ \t]+/, "");
    const challenge = { scheme: scheme[1], params: {} };
    challenges.push(challenge);
    const token68 = PARAM.test(rest) ? null : TOKEN68.exec(rest);
    if (token68) {
      challenge.token68 = token68[1];
      rest = rest.slice(token68[0].length);
      continue;
    }
    for (let param = PARAM.exec(rest); param; param = PARAM.exec(rest)) {
      const value = param[2];
      challenge.params[param[1].toLowerCase()] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
      rest = rest.slice(param[0].length);
      if (!NEXT_PARAM.test(rest)) break;
      rest = rest.slice(1).replace(/^[ \t]+/, "");
    }
    if (rest !== "" && !rest.startsWith(",")) return [];
  }
  return challenges;
}
var REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];
function requestIdOf(headers) {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value.slice(0, 128);
  }
  return void 0;
}
function apiErrorFrom(response, body) {
  const info = responseInfo.get(response);
  return new ApiError({
    status: response.status,
    body,
    method: info?.method,
    url: info?.url ?? (response.url ? safeUrl(response.url) : void 0),
    attempts: info?.attempts,
    requestId: requestIdOf(response.headers),
    challenges: parseWwwAuthenticate(response.headers.get("www-authenticate")),
    retryAfterMs: response.status === 429 || response.status === 503 ? retryAfterMs(response.headers, Date.now()) : void 0,
    secrets: info?.secrets ?? []
  });
}
function unwrap(result) {
  if (result.response.ok) return result.data;
  throw apiErrorFrom(result.response, result.error);
}
var CallbackError = class extends OAuthKitError {
  reason;
  constructor(reason, message) {
    super("oauth", message);
    this.reason = reason;
  }
  toJSON() {
    return { ...super.toJSON(), reason: this.reason };
  }
};
var SINGLE_VALUED = ["state", "code", "iss", "error", "error_description", "error_uri"];
var IMPLICIT_PARAMS = ["access_token", "id_token", "token"];
function parseCallback(callbackUrl, expected) {
  if (typeof expected?.state !== "string" || expected.state === "") {
    throw new ConfigError("expected.state must be the non-empty state sent in the authorize URL");
  }
  if (expected.requireIssuer && !expected.issuer) throw new ConfigError("requireIssuer needs expected.issuer");
  const params = readCallbackParams(callbackUrl);
  const isError = params.has("error");
  const state = requireState(params, isError);
  if (!constantTimeEqual(state, expected.state)) {
    throw isError ? csrf("an error response whose state does not match") : new CallbackError("state_mismatch", "Authorization callback state does not match the request's state");
  }
  const iss = params.get("iss") ?? void 0;
  if (expected.issuer !== void 0) {
    if (iss === void 0 && expected.requireIssuer) {
      throw new CallbackError("issuer_missing", "Authorization callback has no iss parameter but one is required");
    }
    if (iss !== void 0 && iss !== expected.issuer) {
      throw new CallbackError(
        "issuer_mismatch",
        `Authorization callback iss "${snippet(iss)}" is not the expected issuer "${snippet(expected.issuer)}"`
      );
    }
  }
  if (isError) {
    throw new OAuthError({
      error: params.get("error") || "unknown_error",
      errorDescription: params.get("error_description") ?? void 0,
      errorUri: params.get("error_uri") ?? void 0
    });
  }
  const code = params.get("code");
  if (code === null || code === "") throw new CallbackError("code_missing", "Authorization callback has no code");
  return iss === void 0 ? { code, state } : { code, state, iss };
}
async function completeAuthorization(callbackUrl, options) {
  if (typeof options?.provider !== "string" || options.provider === "") {
    throw new ConfigError("provider must be a non-empty string");
  }
  const params = readCallbackParams(callbackUrl);
  const isError = params.has("error");
  const state = requireState(params, isError);
  const pending = await options.store.take(state);
  if (pending === void 0) {
    if (isError) throw csrf("an error response for an unknown state");
    if (await options.store.wasIssued?.(state) === true) {
      throw new CallbackError("state_replayed", "Authorization callback state was already used or has expired");
    }
    throw new CallbackError("state_mismatch", "Authorization callback state was never issued by this client");
  }
  if (pending.provider !== options.provider) {
    throw new CallbackError(
      "provider_mismatch",
      `Authorization callback for provider "${snippet(options.provider)}" carries a state issued for "${snippet(pending.provider)}"`
    );
  }
  if (options.requireIssuer && !pending.issuer) {
    throw new ConfigError("requireIssuer needs the issuer passed to startAuthorization({ issuer })");
  }
  const { code } = parseCallback(params, { state, issuer: pending.issuer, requireIssuer: options.requireIssuer });
  return pending.codeVerifier === void 0 ? { code, redirectUri: pending.redirectUri } : { code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier };
}
function readCallbackParams(input) {
  let params;
  let fragment;
  if (input instanceof URLSearchParams) {
    params = input;
  } else if (typeof input === "string" || input instanceof URL) {
    let url;
    try {
      url = new URL(input, "https://callback.invalid/");
    } catch {
      throw new ConfigError("callbackUrl is not a valid URL");
    }
    params = url.searchParams;
    fragment = new URLSearchParams(url.hash.slice(1));
  } else {
    throw new ConfigError("callbackUrl must be a string, URL or URLSearchParams");
  }
  for (const name of SINGLE_VALUED) {
    if (params.getAll(name).length > 1) {
      throw name === "state" ? new CallbackError("state_duplicated", "Authorization callback has more than one state parameter") : new CallbackError("param_duplicated", `Authorization callback has more than one ${name} parameter`);
    }
  }
  for (const name of IMPLICIT_PARAMS) {
    if (params.has(name) || fragment?.has(name)) {
      throw new CallbackError(
        "implicit_tokens",
        `Authorization callback carries ${name}; the implicit and hybrid flows are not supported`
      );
    }
  }
  return params;
}
function requireState(params, isError) {
  const state = params.get("state");
  if (state === null || state === "") {
    throw isError ? csrf("an error response without state") : new CallbackError("state_missing", "Authorization callback has no state parameter");
  }
  return state;
}
function csrf(what) {
  return new CallbackError("csrf", `Refused ${what}: possible CSRF, the callback is not tied to a request of ours`);
}
function constantTimeEqual(a, b) {
  const encoder2 = new TextEncoder();
  const x = encoder2.encode(a);
  const y = encoder2.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= (x[i] ?? 0) ^ (y[i % (y.length || 1)] ?? 0);
  return diff === 0;
}

// ../auth/dist/chunks/chunk-F2BZEGKE.js
function base64urlEncode(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 32768) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
var HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function webCrypto() {
  const crypto = globalThis.crypto;
  if (!crypto?.getRandomValues || !crypto.subtle) {
    throw new ConfigError("globalThis.crypto (Web Crypto) is not available in this runtime");
  }
  return crypto;
}
function randomBytes(length) {
  const bytes = new Uint8Array(length);
  webCrypto().getRandomValues(bytes);
  return bytes;
}

// ../auth/dist/index.js
import createClient from "openapi-fetch";
function findOperation(metadata2, method, path) {
  return metadata2.operations[`${method.toUpperCase()} ${path}`];
}
var templates = /* @__PURE__ */ new WeakMap();
function matchOperation(metadata2, method, url) {
  let pathname;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return void 0;
  }
  const upper = method.toUpperCase();
  for (const operation of Object.values(metadata2.operations)) {
    if (operation.method !== upper) continue;
    let pattern = templates.get(operation);
    if (!pattern) {
      const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+");
      pattern = new RegExp(`${source}$`);
      templates.set(operation, pattern);
    }
    if (pattern.test(pathname)) return operation;
  }
  return void 0;
}
function assertHeaderSafe(value, what) {
  if (typeof value !== "string" || value.length === 0) throw new ConfigError(`${what} must be a non-empty string`);
  if (/[\u0000-\u001f\u007f]/.test(value) || value.trim() !== value) {
    throw new ConfigError(`${what} contains control characters or surrounding whitespace`);
  }
}
function assertLatin1(value, what) {
  if (/[^\u0000-\u00ff]/.test(value)) throw new ConfigError(`${what} contains characters outside Latin-1, which an HTTP header cannot carry`);
}
function basic(username, password) {
  assertHeaderSafe(username, "Basic username");
  assertHeaderSafe(password, "Basic password");
  if (username.includes(":")) throw new ConfigError("Basic username must not contain ':'");
  return { type: "basic", username, password };
}
function secretsOf(credential) {
  if (credential.type === "basic") return [credential.password, encodeBasic(credential)];
  if (credential.type === "apiKey") return [credential.value];
  if (credential.type === "stamp") return [];
  if (typeof credential.token === "string") return [credential.token];
  const current = credential.token.current?.();
  return [current?.accessToken, current?.refreshToken].filter((value) => typeof value === "string");
}
function encodeBasic(credential) {
  const bytes = new TextEncoder().encode(`${credential.username}:${credential.password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
function chooseAlternative(operation, credentials) {
  if (operation.security.length === 0) return [];
  const chosen = operation.security.find((alternative) => alternative.every((scheme) => credentials[scheme]));
  if (chosen) return chosen;
  const needed = operation.security.map((alternative) => alternative.join(" + ")).join(" or ");
  throw new ConfigError(`${operation.operationId} needs credentials for ${needed}, and the client has none of them`);
}
var checkedToken = /* @__PURE__ */ new WeakMap();
async function apply(request, metadata2, scheme, credential) {
  const definition = metadata2.securitySchemes[scheme];
  if (!definition) throw new ConfigError(`unknown security scheme ${scheme}`);
  const context = contextOf(request);
  context.credentialed = true;
  if (definition.type === "apiKey" && credential.type === "stamp") {
    (context.stamps ??= []).push({ scheme, header: definition.name, stamper: credential.stamper });
  } else if (definition.type === "apiKey") {
    if (credential.type !== "apiKey") throw new ConfigError(`scheme ${scheme} takes apiKey(), got ${credential.type}()`);
    request.headers.set(definition.name, credential.value);
  } else if (definition.scheme === "basic") {
    if (credential.type !== "basic") throw new ConfigError(`scheme ${scheme} takes basic(), got ${credential.type}()`);
    request.headers.set("authorization", `Basic ${encodeBasic(credential)}`);
  } else {
    if (credential.type !== "bearer") throw new ConfigError(`scheme ${scheme} takes bearer(), got ${credential.type}()`);
    const source = typeof credential.token === "string" ? void 0 : credential.token;
    const token = source ? await source.getToken({ signal: request.signal }) : credential.token;
    if (source && checkedToken.get(source) !== token) {
      assertHeaderSafe(token, "Bearer token from the token source");
      assertLatin1(token, "Bearer token from the token source");
      checkedToken.set(source, token);
    }
    request.headers.set("authorization", `Bearer ${token}`);
    context.bearer = source ? { source, token } : void 0;
  }
}
function credentialMiddleware(metadata2, credentials) {
  const chosen = /* @__PURE__ */ new Map();
  const fixed = /* @__PURE__ */ new Map();
  const fixedHeader = (scheme) => {
    if (!fixed.has(scheme)) fixed.set(scheme, fixedHeaderOf(metadata2, scheme, credentials[scheme]));
    return fixed.get(scheme);
  };
  return {
    onRequest({ request, schemaPath }) {
      const context = contextOf(request);
      const operation = context.operation ?? findOperation(metadata2, request.method, schemaPath);
      context.operation = operation;
      if (!operation) return void 0;
      let schemes = chosen.get(operation);
      if (schemes === void 0) {
        try {
          schemes = chooseAlternative(operation, credentials);
          chosen.set(operation, schemes);
        } catch (error) {
          context.missingCredentials = error;
          return void 0;
        }
      }
      let pending;
      for (const scheme of schemes) {
        const header = fixedHeader(scheme);
        if (header) {
          request.headers.set(header[0], header[1]);
          context.credentialed = true;
        } else {
          const credential = credentials[scheme];
          const previous = pending;
          pending = previous ? previous.then(() => apply(request, metadata2, scheme, credential)) : apply(request, metadata2, scheme, credential);
        }
      }
      return pending;
    }
  };
}
function fixedHeaderOf(metadata2, scheme, credential) {
  const definition = metadata2.securitySchemes[scheme];
  if (definition?.type === "apiKey" && credential.type === "apiKey") return [definition.name, credential.value];
  if (definition?.type === "http" && definition.scheme === "basic" && credential.type === "basic") {
    return ["authorization", `Basic ${encodeBasic(credential)}`];
  }
  if (definition?.type === "http" && definition.scheme === "bearer" && credential.type === "bearer" && typeof credential.token === "string") {
    return ["authorization", `Bearer ${credential.token}`];
  }
  return null;
}
function recoverContext(request, metadata2, credentials) {
  const operation = matchOperation(metadata2, request.method, request.url);
  const context = { operation };
  if (!operation) return context;
  let schemes = [];
  try {
    schemes = chooseAlternative(operation, credentials);
  } catch {
  }
  for (const scheme of schemes) {
    const definition = metadata2.securitySchemes[scheme];
    const credential = credentials[scheme];
    if (definition?.type === "apiKey" && credential?.type === "stamp") {
      (context.stamps ??= []).push({ scheme, header: definition.name, stamper: credential.stamper });
    }
  }
  context.credentialed = schemes.length > 0;
  return context;
}
var AttemptSignal = class {
  #controller = new AbortController();
  #caller;
  #timeoutMs;
  #timer;
  #timedOut = false;
  #disposed = false;
  #pending;
  constructor(caller, timeoutMs, armNow) {
    this.#caller = caller;
    this.#timeoutMs = timeoutMs;
    if (caller) {
      caller.addEventListener("abort", this, { once: true });
      if (caller.aborted) this.#abort(caller.reason);
    }
    if (armNow) this.start();
  }
  get signal() {
    return this.#controller.signal;
  }
  timedOut() {
    return this.#timedOut;
  }
  /** The caller's signal aborted (EventListener interface). */
  handleEvent() {
    this.#abort(this.#caller?.reason);
  }
  start() {
    if (this.#timer !== void 0 || this.#disposed || !Number.isFinite(this.#timeoutMs)) return;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#abort(new TimeoutError(`timed out after ${this.#timeoutMs} ms`));
    }, Math.max(0, this.#timeoutMs));
    this.#timer.unref?.();
  }
  /**
   * `promise`, or a rejection with the abort reason as soon as the attempt aborts: a custom fetch may not
   * error its body when the signal aborts, and the wait must end either way. One wait at a time.
   */
  guard(promise) {
    const signal = this.#controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      this.#pending = reject;
      promise.then(resolve, reject);
    });
  }
  dispose() {
    this.#disposed = true;
    this.#pending = void 0;
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this);
  }
  #abort(reason) {
    this.#controller.abort(reason);
    this.#pending?.(reason);
  }
};
function attemptSignal(caller, timeoutMs, armNow = true) {
  return new AttemptSignal(caller, timeoutMs, armNow);
}
function sleep(ms, signal, options = {}) {
  const { abortMessage = "aborted by the caller while waiting", context = () => ({}) } = options;
  return new Promise((resolve, reject) => {
    const aborted = () => new AbortError(abortMessage, context());
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var NOTHING_SENT = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);
function connectionCode(error) {
  let current = error;
  for (let depth = 0; depth < 10 && current !== null && typeof current === "object"; depth++) {
    const code = current.code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return void 0;
}
function provesNothingWasSent(code) {
  return code !== void 0 && NOTHING_SENT.has(code);
}
function challengeAllowsRefresh(headers) {
  const header = headers.get("www-authenticate");
  if (!header) return true;
  const challenges = parseWwwAuthenticate(header);
  const bearerChallenge = challenges.find((c) => c.scheme.toLowerCase() === "bearer") ?? challenges[0];
  const error = bearerChallenge?.params.error;
  return error === void 0 || error.toLowerCase() === "invalid_token";
}
var OUTCOME_UNKNOWN = "; not retried because the operation is not safe to repeat: the server may have processed it, so the outcome is unknown (for a single-use code or refresh token, restart the flow)";
function classify(error, caller, timedOut, describe2, retrySafe) {
  if (caller?.aborted) return new AbortError("request aborted by the caller", { ...describe2(), cause: error });
  if (timedOut) {
    return new TimeoutError(`${describe2().method} ${describe2().url} timed out${retrySafe ? "" : OUTCOME_UNKNOWN}`, {
      ...describe2(),
      cause: error
    });
  }
  if (error instanceof OAuthKitError) return error;
  const code = connectionCode(error);
  const what = code ? ` (${code})` : "";
  const unknown = retrySafe || provesNothingWasSent(code) ? "" : OUTCOME_UNKNOWN;
  return new ConnectionError(`${describe2().method} ${describe2().url} failed: no complete response${what}${unknown}`, {
    ...describe2(),
    code,
    cause: error
  });
}
function isJsonMediaType(mediaType) {
  if (!mediaType) return false;
  return /^application\/([\w.+-]+\+)?json\b/i.test(mediaType.trim());
}
function documentedMediaTypes(responses, status) {
  if (!responses) return void 0;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}
var NOT_PARSED = /* @__PURE__ */ Symbol("not parsed");
function parseJsonSuccess(response, text, responses, describe2) {
  const { status } = response;
  if (status < 200 || status >= 300) return NOT_PARSED;
  if (status === 204 || status === 205) {
    const code = String(status);
    if (!responses || responses[code] !== void 0 || responses["2XX"] !== void 0) return NOT_PARSED;
    const jsonSuccess = Object.entries(responses).some(([key, types]) => /^2\d\d$/.test(key) && types.some(isJsonMediaType));
    if (jsonSuccess) throw new InvalidResponseError(`empty response (HTTP ${code}) where JSON was expected`, { ...describe2(), status });
    return NOT_PARSED;
  }
  const documented = documentedMediaTypes(responses, status);
  const expectJson = documented ? documented.some(isJsonMediaType) : text.length > 0;
  if (!expectJson) return NOT_PARSED;
  if (text.length === 0) throw new InvalidResponseError("empty response where JSON was expected", { ...describe2(), status });
  const contentType = response.headers.get("content-type");
  const isJson = !contentType || isJsonMediaType(contentType);
  if (isJson) {
    try {
      return JSON.parse(text);
    } catch {
    }
  }
  const context = { ...describe2(), status };
  const mask = maskerFor(context.secrets);
  throw new InvalidResponseError(
    isJson ? "response is not valid JSON (malformed or truncated)" : `response is not JSON (content-type ${snippet(contentType, mask)})`,
    { ...context, snippet: snippet(text, mask) }
  );
}
async function readBodyCapped(response, maxBytes, signal) {
  if (!response.body) return new Uint8Array(0);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => {
    });
    throw new InvalidResponseError(`response body of ${declared} bytes exceeds the ${maxBytes}-byte limit`, {
      status: response.status
    });
  }
  const reader = response.body.getReader();
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {
  });
  signal?.addEventListener("abort", onAbort, { once: true });
  const chunks = [];
  let total = 0;
  try {
    for (; ; ) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {
        });
        throw new InvalidResponseError(`response body exceeds the ${maxBytes}-byte limit`, { status: response.status });
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  if (chunks.length === 1 && chunks[0].byteLength === chunks[0].buffer.byteLength) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
var MAX_REDIRECTS = 5;
function isRedirect(response) {
  return response.type === "opaqueredirect" || response.status >= 300 && response.status < 400 && response.status !== 304;
}
function redirectTarget(response, from, retrySafe, credentialed, describe2) {
  const context = () => ({ ...describe2(), status: response.status });
  if (!retrySafe) {
    throw new RedirectError("refused a redirect: this operation is not safe to repeat (a token endpoint), so it is never sent to another URL", context());
  }
  const location = response.headers.get("location");
  if (response.type === "opaqueredirect" || !location) {
    throw new RedirectError("the server redirected and the target cannot be checked; redirects are not followed", context());
  }
  const source = new URL(from);
  let target;
  try {
    target = new URL(location, source);
  } catch {
    throw new RedirectError("the server redirected to an invalid URL", context());
  }
  if (source.protocol === "https:" && target.protocol !== "https:") {
    throw new RedirectError(`refused a redirect from https to ${snippet(target.protocol)}`, context());
  }
  if (target.origin !== source.origin && credentialed()) {
    throw new RedirectError(
      `refused a redirect to another origin (${snippet(target.origin)}): the request carries credentials that would be forwarded`,
      context()
    );
  }
  return target.href;
}
async function applyStamps(stamps, headers, text) {
  for (const { scheme, header, stamper } of stamps) {
    const { headerName, headerValue } = await stamper.stamp(text);
    if (headerName.toLowerCase() !== header.toLowerCase()) {
      throw new ConfigError(`scheme ${scheme} is the ${header} header, but the stamper sets ${headerName}`);
    }
    headers.set(header, headerValue);
  }
}
var RETRY_WAIT_ABORTED = "request aborted by the caller while waiting to retry";
function createTransport(options = {}) {
  const retry = options.retry === false ? resolveRetryOptions({ maxRetries: 0 }) : resolveRetryOptions(options.retry);
  const timeoutMs = options.timeoutMs ?? 3e4;
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const secrets = options.secrets ?? (() => []);
  const firstTimeoutMs = () => Math.min(timeoutMs, retry.deadlineMs ?? Infinity);
  const sendPrepared = (request, attempt) => options.fetch ? options.fetch(request) : globalThis.fetch(request, { signal: attempt.signal });
  async function transport(request) {
    const context = knownContextOf(request) ?? options.recover?.(request) ?? {};
    if (context.missingCredentials) throw context.missingCredentials;
    const isStream = request.body !== null && streamBodies.has(request.body);
    const prepared = request[CONTEXT_KEY] === context && context.attempt !== void 0 && (request.body === null || isStream || context.body !== void 0);
    if (!prepared) context.attempt?.dispose();
    const body = request.body === null || isStream ? void 0 : prepared ? context.body : new Uint8Array(await request.arrayBuffer());
    let headers = request.headers;
    if (context.stamps) {
      if (!prepared) headers = new Headers(headers);
      await applyStamps(context.stamps, headers, typeof body === "string" ? body : body === void 0 ? "" : new TextDecoder().decode(body));
    }
    const asText = !prepared || context.parseAs === void 0 || context.parseAs === "json" || context.parseAs === "text";
    const sent = { request, context, body, headers, prepared, isStream, asText, startedAt: now() };
    if (!prepared) return exchange(sent);
    const attempt = context.attempt;
    let response;
    let text = "";
    let handOver;
    try {
      attempt.start();
      response = await sendPrepared(request, attempt);
      if (response.status < 200 || response.status >= 300 || isStream || !asText) handOver = { response };
      else text = await readText(response, maxBytes, attempt);
    } catch (error) {
      handOver = { error };
    }
    if (handOver) return exchange(sent, handOver);
    attempt.dispose();
    const info = new ExchangeInfo(request, context.operation, [headers], body, secrets, 1);
    const parsed = parseJsonSuccess(response, text, context.operation?.responses, info.describe);
    return handBack(response, text, parsed, info);
  }
  async function exchange(sent, firstOutcome) {
    const { request, context, body, prepared, isStream, asText } = sent;
    let { headers } = sent;
    const operation = context.operation;
    const retrySafe = operation?.retrySafe ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].includes(request.method);
    const caller = prepared ? context.caller : request.signal;
    const deadline = retry.deadlineMs === void 0 ? Infinity : sent.startedAt + retry.deadlineMs;
    const sentHeaders = [headers];
    const info = new ExchangeInfo(request, operation, sentHeaders, body, secrets, 0);
    const { describe: describe2 } = info;
    let sentSecrets;
    const requestOnlySecrets = () => sentSecrets ??= requestSecrets({ url: request.url, headers: sentHeaders, body, pathTemplate: operation?.path });
    const credentialed = () => context.credentialed === true || [...SECRET_HEADERS].some((name) => headers.has(name)) || requestOnlySecrets().length > 0;
    const editHeaders = () => {
      if (headers === sentHeaders[sentHeaders.length - 1]) {
        headers = new Headers(headers);
        sentHeaders.push(headers);
      }
      return headers;
    };
    let url = request.url;
    let method = request.method;
    let sendBody = body;
    let retries = 0;
    let redirects = 0;
    let replayed401 = false;
    let pending = firstOutcome;
    for (; ; ) {
      const remaining = deadline - now();
      const outcome = pending;
      pending = void 0;
      if (remaining <= 0 && !outcome) throw new TimeoutError(`deadline of ${retry.deadlineMs} ms passed`, describe2());
      info.attempts++;
      const attempt = outcome ? context.attempt : attemptSignal(caller, Math.min(timeoutMs, remaining));
      let response;
      let text;
      let bytes;
      try {
        if (outcome && "error" in outcome) throw outcome.error;
        if (outcome?.response) response = outcome.response;
        else {
          const send = isStream ? new Request(request, { signal: attempt.signal, redirect: "manual" }) : new Request(url, { method, headers, body: sendBody, signal: attempt.signal, redirect: "manual" });
          response = await (options.fetch ?? globalThis.fetch)(send);
        }
        if (isRedirect(response)) {
          const next = redirectTarget(response, url, retrySafe, credentialed, describe2);
          await response.body?.cancel().catch(() => {
          });
          if (++redirects > MAX_REDIRECTS) {
            throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`, { ...describe2(), status: response.status });
          }
          if (isStream) throw new RedirectError("cannot follow a redirect with a stream body", { ...describe2(), status: response.status });
          url = next;
          if (response.status === 303 || (response.status === 301 || response.status === 302) && method === "POST") {
            method = "GET";
            sendBody = void 0;
            editHeaders().delete("content-type");
          }
          info.attempts--;
          continue;
        }
        if (asText) text = await readText(response, maxBytes, attempt);
        else {
          bytes = await readBodyCapped(response, maxBytes, attempt.signal);
          text = new TextDecoder().decode(bytes);
        }
      } catch (error) {
        const failure = classify(error, caller, attempt.timedOut(), describe2, retrySafe && !isStream);
        const replayable = !isStream && (retrySafe || failure instanceof ConnectionError && provesNothingWasSent(failure.code));
        if (failure.kind === "timeout" || failure.kind === "connection") {
          if (replayable && retries < retry.maxRetries) {
            const delay = backoffMs(retries, retry, random);
            if (now() + delay < deadline) {
              retries++;
              await sleep(delay, caller, { abortMessage: RETRY_WAIT_ABORTED, context: describe2 });
              continue;
            }
          }
        }
        throw failure;
      } finally {
        attempt.dispose();
      }
      const status = response.status;
      if (status === 401 && context.bearer && !replayed401 && !isStream && challengeAllowsRefresh(response.headers)) {
        replayed401 = true;
        context.bearer.source.invalidate(context.bearer.token);
        const token = await context.bearer.source.getToken({ signal: caller });
        context.bearer = { source: context.bearer.source, token };
        editHeaders().set("authorization", `Bearer ${token}`);
        continue;
      }
      if (isRetryableStatus(status) && retrySafe && !isStream && retries < retry.maxRetries) {
        const hinted = retryAfterMs(response.headers, now());
        const delay = hinted ?? backoffMs(retries, retry, random);
        if ((hinted === void 0 || hinted <= retry.maxRetryAfterMs) && now() + delay < deadline) {
          retries++;
          await sleep(delay, caller, { abortMessage: RETRY_WAIT_ABORTED, context: describe2 });
          continue;
        }
      }
      const parsed = parseJsonSuccess(response, text, operation?.responses, describe2);
      if (prepared && asText) return handBack(response, text, parsed, info);
      const result = rewrap(response, bytes ?? text);
      responseInfo.set(result, info);
      return result;
    }
  }
  return Object.assign(transport, {
    firstAttempt: (caller) => attemptSignal(caller, firstTimeoutMs(), false),
    signalInRequest: options.fetch !== void 0
  });
}
var NO_BODY = /* @__PURE__ */ new Set([204, 205, 304]);
var decoder = new TextDecoder();
async function readText(response, maxBytes, attempt) {
  if (!response.body) return "";
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) <= maxBytes) return attempt.guard(response.text());
  return decoder.decode(await readBodyCapped(response, maxBytes, attempt.signal));
}
function handBack(response, text, parsed, info) {
  info.read = { text, parsed };
  responseInfo.set(response, info);
  const handed = response;
  handed.text = handedText;
  handed.json = handedJson;
  return response;
}
function readOf(response) {
  return responseInfo.get(response).read;
}
function handedText() {
  return Promise.resolve(readOf(this).text);
}
function handedJson() {
  const { text, parsed } = readOf(this);
  try {
    return Promise.resolve(parsed === NOT_PARSED ? JSON.parse(text) : parsed);
  } catch (error) {
    return Promise.reject(error);
  }
}
function rewrap(response, body) {
  return new Response(NO_BODY.has(response.status) || body.length === 0 ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  });
}
var ExchangeInfo = class {
  constructor(request, operation, headers, body, clientSecrets, attempts) {
    this.request = request;
    this.operation = operation;
    this.headers = headers;
    this.body = body;
    this.clientSecrets = clientSecrets;
    this.attempts = attempts;
  }
  request;
  operation;
  headers;
  body;
  clientSecrets;
  attempts;
  #url;
  #secrets;
  /** The body of a 2xx handed back, as read and parsed (see handBack). */
  read;
  #describe;
  get method() {
    return this.request.method;
  }
  get url() {
    return this.#url ??= safeUrl(this.request.url, this.operation?.path);
  }
  get secrets() {
    return this.#secrets ??= [
      ...this.clientSecrets(),
      ...requestSecrets({ url: this.request.url, headers: this.headers, body: this.body, pathTemplate: this.operation?.path })
    ];
  }
  /** For the errors a success can still become (a 2xx that is not the JSON the spec promises). */
  get describe() {
    return this.#describe ??= () => ({ method: this.method, url: this.url, attempts: this.attempts, requestId: void 0, secrets: this.secrets });
  }
};
var NO_INIT = Object.freeze({});
var METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];
var LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
function resolveBaseUrl(metadata2, environment, baseUrl, insecure) {
  let url;
  if (baseUrl !== void 0) {
    url = baseUrl;
  } else {
    const names = Object.keys(metadata2.servers);
    const name = environment ?? names[0];
    const server = name === void 0 ? void 0 : metadata2.servers[name];
    if (server === void 0) {
      throw new ConfigError(`unknown environment ${JSON.stringify(environment)}; expected one of: ${names.join(", ")}`);
    }
    url = server;
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("baseUrl must be an absolute URL");
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new ConfigError("baseUrl must not contain user:password@ credentials; pass them as the client's credentials");
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && (insecure || LOOPBACK.test(parsed.hostname)))) {
    throw new ConfigError(`baseUrl must use https (plain http is allowed only on loopback hosts): ${parsed.origin}`);
  }
  return url.replace(/\/+$/, "");
}
function contentTypeOf(headers) {
  if (!headers) return void 0;
  if (headers instanceof Headers) return headers.get("content-type") ?? void 0;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "content-type" && typeof value === "string") return value;
  }
  return void 0;
}
function formUrlEncode(body) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body ?? {})) {
    if (value === void 0 || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.toString();
}
function jsonSerialize(body) {
  if (body instanceof ReadableStream) {
    streamBodies.add(body);
    return body;
  }
  return JSON.stringify(body);
}
function createProviderClient(config) {
  const { metadata: metadata2 } = config;
  const baseUrl = resolveBaseUrl(metadata2, config.environment, config.baseUrl, config.allowInsecureHttp === true);
  const environment = config.baseUrl === void 0 ? config.environment ?? Object.keys(metadata2.servers)[0] : void 0;
  const credentials = config.credentials ?? {};
  const secrets = () => Object.values(credentials).flatMap((credential) => credential ? secretsOf(credential) : []);
  const transport = createTransport({
    fetch: config.fetch,
    retry: config.retry,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    secrets,
    recover: (request2) => recoverContext(request2, metadata2, credentials)
  });
  const client = createClient({ baseUrl, headers: config.headers, fetch: transport });
  client.use(credentialMiddleware(metadata2, credentials), ...config.middleware ?? []);
  const perOperation = (method, path, init = NO_INIT) => {
    const operation = findOperation(metadata2, method, path);
    const context = {
      operation,
      caller: init.signal,
      parseAs: init.parseAs
    };
    const extra = { ...init, oauthKitContext: context, redirect: "manual" };
    const server = environment === void 0 ? void 0 : operation?.servers?.[environment];
    if (server !== void 0 && init.baseUrl === void 0) extra.baseUrl = server;
    if (init.body instanceof ReadableStream && init.duplex === void 0) extra.duplex = "half";
    if (init.body !== void 0) {
      let serialize = init.bodySerializer;
      if (serialize === void 0) {
        const declared = operation?.requestMediaTypes ?? [];
        const requested = contentTypeOf(init.headers);
        if (requested && declared.length && !declared.some((type) => type.toLowerCase() === requested.split(";")[0]?.trim().toLowerCase())) {
          throw new ConfigError(`${operation?.operationId} accepts ${declared.join(", ")}, not ${requested}`);
        }
        const mediaType = requested ?? declared[0] ?? "application/json";
        if (/^application\/x-www-form-urlencoded/i.test(mediaType)) {
          serialize = formUrlEncode;
          extra.headers = { ...init.headers ?? {}, "Content-Type": "application/x-www-form-urlencoded" };
        } else {
          serialize = jsonSerialize;
        }
      }
      const serializer = serialize;
      extra.bodySerializer = (body, headers) => {
        const serialized = serializer(body, headers);
        if (typeof serialized === "string") context.body = serialized;
        return serialized;
      };
    }
    context.attempt = transport.firstAttempt(context.caller);
    if (transport.signalInRequest) extra.signal = context.attempt.signal;
    return extra;
  };
  const raw = client;
  for (const method of METHODS) {
    const original = raw[method];
    raw[method] = (path, init) => {
      try {
        return original(path, perOperation(method, path, init));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  const request = client.request;
  client.request = (method, path, init) => {
    try {
      return request(method, path, perOperation(method.toUpperCase(), path, init));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return client;
}
var DEFAULT_FIELD_NAMES = {
  accessToken: "access_token",
  tokenType: "token_type",
  expiresIn: "expires_in",
  refreshToken: "refresh_token",
  scope: "scope"
};
var CANONICAL_TOKEN_TYPES = { bearer: "Bearer", dpop: "DPoP" };
var HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;
var NUMERIC_STRING = /^\d+(?:\.\d+)?$/;
function parseTokenResponse(body, options = {}) {
  const { status } = options;
  if (hasOAuthError(body)) throw oauthErrorFromBody(body, status);
  if (status !== void 0 && (status < 200 || status > 299)) throw new ApiError({ status, body });
  if (!isPlainObject(body)) {
    throw invalid(`Token response must be a JSON object, got ${describe(body)}`, status);
  }
  const names = { ...DEFAULT_FIELD_NAMES, ...options.fieldNames };
  const receivedAt = options.receivedAt ?? Date.now();
  if (!Number.isFinite(receivedAt)) throw new ConfigError("receivedAt must be a finite number of epoch ms");
  const accessToken = body[names.accessToken];
  if (accessToken === void 0) throw invalid(`Token response has no ${names.accessToken}`, status);
  assertHeaderSafeToken(names.accessToken, accessToken, status);
  const tokenSet = {
    accessToken,
    tokenType: parseTokenType(body[names.tokenType], names.tokenType, options, status)
  };
  const refreshToken = body[names.refreshToken];
  if (refreshToken !== void 0) {
    assertHeaderSafeToken(names.refreshToken, refreshToken, status);
    tokenSet.refreshToken = refreshToken;
  }
  const rawExpiresIn = body[names.expiresIn];
  if (rawExpiresIn !== void 0) {
    const expiresIn = parseExpiresIn(rawExpiresIn, names.expiresIn, status);
    const expiresAt = receivedAt + Math.round(expiresIn * 1e3);
    if (!Number.isSafeInteger(expiresAt)) {
      throw invalid(`Token response ${names.expiresIn} is too large to be a usable lifetime`, status);
    }
    tokenSet.expiresIn = expiresIn;
    if (expiresIn > 0) tokenSet.expiresAt = expiresAt;
  }
  const scope = body[names.scope];
  if (scope !== void 0) {
    if (typeof scope !== "string") throw invalid(`Token response ${names.scope} must be a string, got ${describe(scope)}`, status);
    tokenSet.scope = scope;
  }
  const idToken = body["id_token"];
  if (idToken !== void 0) {
    if (typeof idToken !== "string" || idToken === "") {
      throw invalid(`Token response id_token must be a non-empty string, got ${describe(idToken)}`, status);
    }
    tokenSet.idToken = idToken;
  }
  return tokenSet;
}
function isOAuthErrorBody(body) {
  return hasOAuthError(body) && (body.error_description === void 0 || typeof body.error_description === "string") && (body.error_uri === void 0 || typeof body.error_uri === "string");
}
function oauthErrorFromBody(body, status) {
  return new OAuthError({
    error: body.error,
    errorDescription: typeof body.error_description === "string" ? body.error_description : void 0,
    errorUri: typeof body.error_uri === "string" ? body.error_uri : void 0,
    status
  });
}
function hasOAuthError(body) {
  return isPlainObject(body) && typeof body.error === "string" && body.error !== "";
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function parseTokenType(raw, field, options, status) {
  if (raw === void 0 && options.requireTokenType === false) return "Bearer";
  if (typeof raw !== "string" || raw === "") {
    throw invalid(`Token response ${field} must be a non-empty string, got ${describe(raw)}`, status);
  }
  const type = raw.toLowerCase();
  const allowed = (options.allowedTokenTypes ?? ["bearer"]).map((t) => t.toLowerCase());
  if (!allowed.includes(type)) {
    const shown = /^[A-Za-z0-9_-]{1,32}$/.test(raw) ? `"${raw}"` : "an unrecognised value";
    throw invalid(`Token response ${field} ${shown} is not supported (allowed: ${allowed.join(", ")})`, status);
  }
  return CANONICAL_TOKEN_TYPES[type] ?? raw;
}
function parseExpiresIn(raw, field, status) {
  let value;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && NUMERIC_STRING.test(raw)) value = Number(raw);
  else throw invalid(`Token response ${field} must be a number of seconds, got ${describe(raw)}`, status);
  if (!Number.isFinite(value) || value < 0) {
    throw invalid(`Token response ${field} must be a finite number >= 0`, status);
  }
  return value;
}
function assertHeaderSafeToken(field, value, status) {
  if (typeof value !== "string" || value === "") {
    throw invalid(`Token response ${field} must be a non-empty string, got ${describe(value)}`, status);
  }
  if (!HEADER_SAFE_TOKEN.test(value)) {
    throw invalid(
      `Token response ${field} contains whitespace, control or non-ASCII characters and cannot be sent in a header`,
      status
    );
  }
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === "") return "an empty string";
  if (typeof value === "object" && !isPlainObject(value)) return "a non-plain object";
  return typeof value;
}
function invalid(message, status) {
  return new InvalidResponseError(message, status === void 0 ? {} : { status });
}
function tokenFromResult(result, options = {}) {
  const { response } = result;
  if (!response.ok && !isOAuthErrorBody(result.error)) throw apiErrorFrom(response, result.error);
  try {
    return parseTokenResponse(response.ok ? result.data : result.error, { ...options, status: response.status });
  } catch (error) {
    const info = responseInfo.get(response);
    if (!(error instanceof OAuthError)) throw error;
    const challenges = parseWwwAuthenticate(response.headers.get("www-authenticate"));
    throw new OAuthError(
      { error: error.error, errorDescription: error.errorDescription, errorUri: error.errorUri, status: error.status, challenges },
      info ? { method: info.method, url: info.url, attempts: info.attempts, requestId: requestIdOf(response.headers), secrets: info.secrets } : { requestId: requestIdOf(response.headers) }
    );
  }
}
var UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
var VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
var MIN_VERIFIER_LENGTH = 43;
var MAX_VERIFIER_LENGTH = 128;
var UNBIASED_LIMIT = 256 - 256 % UNRESERVED.length;
function generateCodeVerifier(length = MIN_VERIFIER_LENGTH) {
  if (!Number.isInteger(length) || length < MIN_VERIFIER_LENGTH || length > MAX_VERIFIER_LENGTH) {
    throw new ConfigError(`PKCE code verifier length must be an integer from 43 to 128, got ${String(length)}`);
  }
  let verifier = "";
  while (verifier.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte >= UNBIASED_LIMIT) continue;
      verifier += UNRESERVED[byte % UNRESERVED.length];
      if (verifier.length === length) break;
    }
  }
  return verifier;
}
function assertCodeVerifier(verifier) {
  if (typeof verifier !== "string") {
    throw new ConfigError(`PKCE code verifier must be a string, got ${verifier === null ? "null" : typeof verifier}`);
  }
  if (verifier.length < MIN_VERIFIER_LENGTH || verifier.length > MAX_VERIFIER_LENGTH) {
    throw new ConfigError(`PKCE code verifier must be 43 to 128 characters long, got ${verifier.length}`);
  }
  if (!VERIFIER_PATTERN.test(verifier)) {
    throw new ConfigError("PKCE code verifier may only contain A-Z, a-z, 0-9, '-', '.', '_' and '~'");
  }
}
async function computeCodeChallenge(verifier) {
  assertCodeVerifier(verifier);
  const digest = await webCrypto().subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64urlEncode(new Uint8Array(digest));
}
function generateState() {
  return base64urlEncode(randomBytes(32));
}
var SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
function encodeScope(scopes, delimiter = " ") {
  if (typeof delimiter !== "string" || delimiter === "") {
    throw new ConfigError("Scope delimiter must be a non-empty string");
  }
  const tokens = typeof scopes === "string" ? scopes.split(delimiter) : [...scopes];
  if (tokens.length === 0 || tokens.length === 1 && tokens[0] === "") {
    throw new ConfigError("Scope list is empty; omit `scope` instead of sending an empty one");
  }
  for (const [index, token] of tokens.entries()) {
    if (typeof token !== "string") throw new ConfigError(`Scope #${index} must be a string, got ${typeof token}`);
    if (token === "") throw new ConfigError(`Scope #${index} is empty (doubled or trailing delimiter?)`);
    if (token.includes(delimiter)) {
      throw new ConfigError(`Scope "${snippet(token)}" contains the delimiter ${JSON.stringify(delimiter)}`);
    }
    if (!SCOPE_TOKEN.test(token)) {
      throw new ConfigError(`Scope "${snippet(token)}" has a character not allowed by RFC 6749 \xA73.3`);
    }
  }
  return tokens.join(delimiter);
}
var RESERVED_PARAMS = /* @__PURE__ */ new Set([
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "scope",
  "code_challenge",
  "code_challenge_method"
]);
var SECRET_PARAMS = /* @__PURE__ */ new Set([
  "client_secret",
  "client_assertion",
  "code_verifier",
  "password",
  "access_token",
  "refresh_token",
  "id_token"
]);
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "[::1]"]);
var S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
function buildAuthorizeUrl(options) {
  const url = parseEndpoint(options.authorizeUrl);
  assertRedirectUri(options.redirectUri);
  assertNonEmpty("clientId", options.clientId);
  assertNonEmpty("state", options.state);
  for (const name of new Set(url.searchParams.keys())) assertAllowedExtra(name, "authorizeUrl");
  const params = new URLSearchParams(url.searchParams);
  params.set("response_type", "code");
  params.set("client_id", options.clientId);
  params.set("redirect_uri", options.redirectUri);
  if (options.scope !== void 0) params.set("scope", encodeScope(options.scope, options.scopeDelimiter));
  params.set("state", options.state);
  if (options.pkce) {
    if (typeof options.pkce.challenge !== "string" || !S256_CHALLENGE.test(options.pkce.challenge)) {
      throw new ConfigError("pkce.challenge must be an S256 challenge (43 base64url characters) from createPkce()");
    }
    params.set("code_challenge", options.pkce.challenge);
    params.set("code_challenge_method", "S256");
  }
  for (const [name, value] of Object.entries(options.extraParams ?? {})) {
    assertAllowedExtra(name, "extraParams");
    if (value === void 0) continue;
    if (typeof value !== "string") throw new ConfigError(`extraParams.${snippet(name)} must be a string`);
    params.append(name, value);
  }
  url.search = params.toString().replace(/\+/g, "%20");
  return url.href;
}
function parseEndpoint(input) {
  const raw = typeof input === "string" ? input : input instanceof URL ? input.href : void 0;
  if (raw === void 0) throw new ConfigError("authorizeUrl must be a string or URL");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("authorizeUrl must be an absolute URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ConfigError("authorizeUrl must use https (http is allowed only for localhost)");
  }
  if (raw.includes("#")) throw new ConfigError("authorizeUrl must not contain a fragment");
  if (url.username || url.password) throw new ConfigError("authorizeUrl must not contain credentials");
  return url;
}
function assertRedirectUri(redirectUri) {
  if (typeof redirectUri !== "string" || redirectUri === "") {
    throw new ConfigError("redirectUri must be a non-empty string");
  }
  if (redirectUri !== redirectUri.trim()) {
    throw new ConfigError("redirectUri must not have leading or trailing whitespace");
  }
  try {
    new URL(redirectUri);
  } catch {
    throw new ConfigError(`redirectUri must be an absolute URI: ${snippet(redirectUri)}`);
  }
  if (redirectUri.includes("#")) throw new ConfigError("redirectUri must not contain a fragment (RFC 6749 \xA73.1.2)");
}
function assertNonEmpty(name, value) {
  if (typeof value !== "string" || value === "") throw new ConfigError(`${name} must be a non-empty string`);
}
var INVISIBLE = /[\p{Cc}\p{Cf}]/u;
function foldParamName(name) {
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFKC").trim();
}
function assertAllowedExtra(name, where) {
  if (name === "") throw new ConfigError(`${where} contains a parameter with an empty name`);
  if (INVISIBLE.test(name)) {
    throw new ConfigError(`${where} contains a parameter name with a control or invisible character: "${snippet(name)}"`);
  }
  const folded = foldParamName(name);
  if (RESERVED_PARAMS.has(folded)) {
    throw new ConfigError(`${where} must not set the reserved parameter "${snippet(name)}"; use the dedicated option`);
  }
  if (SECRET_PARAMS.has(folded)) {
    throw new ConfigError(`${where} must not carry the secret parameter "${snippet(name)}" in a URL`);
  }
  if (folded === "") throw new ConfigError(`${where} contains a parameter with a blank name`);
}
var TEN_MINUTES_MS = 10 * 60 * 1e3;
var MemoryPendingStore = class {
  #entries = /* @__PURE__ */ new Map();
  /** Spent states and when they were spent, oldest first (Map keeps insertion order). */
  #spent = /* @__PURE__ */ new Map();
  #maxAgeMs;
  #maxEntries;
  #rememberSpentMs;
  #now;
  constructor(options = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? TEN_MINUTES_MS;
    this.#maxEntries = options.maxEntries ?? 1e3;
    this.#rememberSpentMs = options.rememberSpentMs ?? this.#maxAgeMs;
    this.#now = options.now ?? (() => Date.now());
    if (!(this.#maxAgeMs > 0)) throw new ConfigError("MemoryPendingStore maxAgeMs must be positive");
    if (!(this.#rememberSpentMs >= 0)) throw new ConfigError("MemoryPendingStore rememberSpentMs must be >= 0");
    if (!Number.isInteger(this.#maxEntries) || this.#maxEntries < 1) {
      throw new ConfigError("MemoryPendingStore maxEntries must be a positive integer");
    }
  }
  /** @throws {ConfigError} if `state` is empty or already pending (a state must never be reused). */
  save(state, pending) {
    if (typeof state !== "string" || state === "") throw new ConfigError("state must be a non-empty string");
    this.#prune();
    if (this.#entries.has(state)) throw new ConfigError("state is already pending; generate a new one per request");
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#spend(oldest.value);
    }
    this.#spent.delete(state);
    this.#entries.set(state, { pending: Object.freeze({ ...pending }), savedAt: this.#now() });
  }
  /** The pending request for `state`, removed in the same step; `undefined` if unknown, used or expired. */
  take(state) {
    const entry = this.#entries.get(state);
    if (entry === void 0) return void 0;
    this.#spend(state);
    return this.#isExpired(entry.savedAt) ? void 0 : entry.pending;
  }
  /** True if `state` was saved here and has been taken, has expired or was dropped, within `rememberSpentMs`. */
  wasIssued(state) {
    this.#prune();
    return this.#spent.has(state);
  }
  /** Number of unexpired pending requests. */
  get size() {
    this.#prune();
    return this.#entries.size;
  }
  #isExpired(savedAt) {
    return this.#now() - savedAt >= this.#maxAgeMs;
  }
  /** Moves `state` from the pending entries to the bounded record of spent states. */
  #spend(state) {
    this.#entries.delete(state);
    this.#spent.delete(state);
    this.#spent.set(state, this.#now());
    while (this.#spent.size > this.#maxEntries) {
      const oldest = this.#spent.keys().next();
      if (oldest.done) break;
      this.#spent.delete(oldest.value);
    }
  }
  #prune() {
    for (const [state, entry] of this.#entries) {
      if (this.#isExpired(entry.savedAt)) this.#spend(state);
    }
    const now = this.#now();
    for (const [state, spentAt] of this.#spent) {
      if (now - spentAt < this.#rememberSpentMs) break;
      this.#spent.delete(state);
    }
  }
};
async function startAuthorization(options) {
  if (typeof options.provider !== "string" || options.provider === "") {
    throw new ConfigError("provider must be a non-empty string");
  }
  const state = generateState();
  const codeVerifier = options.pkce ? generateCodeVerifier() : void 0;
  const url = buildAuthorizeUrl({
    authorizeUrl: options.authorizeUrl,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state,
    scope: options.scope,
    scopeDelimiter: options.scopeDelimiter,
    pkce: codeVerifier === void 0 ? false : { challenge: await computeCodeChallenge(codeVerifier) },
    extraParams: options.extraParams
  });
  await options.store.save(state, {
    provider: options.provider,
    redirectUri: options.redirectUri,
    ...codeVerifier === void 0 ? {} : { codeVerifier },
    ...options.issuer === void 0 ? {} : { issuer: options.issuer },
    createdAt: Date.now()
  });
  return { url, state };
}
var encoder = new TextEncoder();

// dist/index.js
var metadata = {
  "spec": "specs/alpaca.yaml",
  "servers": {
    "sandbox": "https://broker-api.sandbox.alpaca.markets",
    "production": "https://broker-api.alpaca.markets"
  },
  "securitySchemes": {
    "BasicAuth": {
      "type": "http",
      "scheme": "basic"
    }
  },
  "operations": {
    "GET /v1/oauth/clients/{client_id}": {
      "operationId": "getOAuthClient",
      "method": "GET",
      "path": "/v1/oauth/clients/{client_id}",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [
          "text/plain"
        ],
        "500": [
          "text/plain"
        ]
      },
      "retrySafe": true
    },
    "POST /v1/oauth/token": {
      "operationId": "issueOAuthToken",
      "method": "POST",
      "path": "/v1/oauth/token",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [
          "text/plain"
        ],
        "422": [
          "text/plain"
        ],
        "500": [
          "text/plain"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth/authorize": {
      "operationId": "authorizeOAuthToken",
      "method": "POST",
      "path": "/v1/oauth/authorize",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [
        "application/json"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "401": [
          "text/plain"
        ],
        "422": [
          "text/plain"
        ],
        "500": [
          "text/plain"
        ]
      },
      "retrySafe": false
    },
    "DELETE /v1/oauth/token/{token_id}": {
      "operationId": "deleteOAuthToken",
      "method": "DELETE",
      "path": "/v1/oauth/token/{token_id}",
      "servers": null,
      "security": [
        [
          "BasicAuth"
        ]
      ],
      "requestMediaTypes": [],
      "responses": {
        "204": [],
        "401": [
          "text/plain"
        ]
      },
      "retrySafe": true
    },
    "POST /oauth/token": {
      "operationId": "exchangeConnectAuthorizationCode",
      "method": "POST",
      "path": "/oauth/token",
      "servers": {
        "sandbox": "https://api.alpaca.markets",
        "production": "https://api.alpaca.markets"
      },
      "security": [],
      "requestMediaTypes": [
        "application/x-www-form-urlencoded"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ]
      },
      "retrySafe": false
    },
    "POST /v1/oauth2/token": {
      "operationId": "issueClientCredentialsToken",
      "method": "POST",
      "path": "/v1/oauth2/token",
      "servers": {
        "sandbox": "https://authx.sandbox.alpaca.markets",
        "production": "https://authx.alpaca.markets"
      },
      "security": [],
      "requestMediaTypes": [
        "application/x-www-form-urlencoded"
      ],
      "responses": {
        "200": [
          "application/json"
        ],
        "400": [
          "application/json"
        ],
        "401": [
          "application/json"
        ]
      },
      "retrySafe": false
    }
  }
};
function createAlpacaClient(options = {}) {
  const { credentials, ...rest } = options;
  return createProviderClient({
    ...rest,
    metadata,
    credentials: credentials ? { BasicAuth: basic(credentials.key, credentials.secret) } : {}
  });
}
var CONNECT_AUTHORIZE_URL = "https://app.alpaca.markets/oauth/authorize";
function buildConnectAuthorizeUrl(options) {
  return buildAuthorizeUrl({
    authorizeUrl: CONNECT_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state: options.state,
    scope: options.scope,
    pkce: false
  });
}
function startConnectAuthorization(options) {
  return startAuthorization({
    provider: "alpaca",
    authorizeUrl: CONNECT_AUTHORIZE_URL,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    scope: options.scope,
    pkce: false,
    store: options.store
  });
}
async function exchangeConnectCode(client, exchange) {
  const result = await client.POST("/oauth/token", {
    body: {
      grant_type: "authorization_code",
      code: exchange.code,
      client_id: exchange.clientId,
      client_secret: exchange.clientSecret,
      redirect_uri: exchange.redirectUri
    }
  });
  return tokenFromResult(result);
}
async function completeConnectAuthorization(client, options) {
  const { code, redirectUri } = await completeAuthorization(options.callbackUrl, { provider: "alpaca", store: options.store });
  return exchangeConnectCode(client, { code, redirectUri, clientId: options.clientId, clientSecret: options.clientSecret });
}
async function issueClientCredentialsToken(client, credentials) {
  const result = await client.POST("/v1/oauth2/token", {
    body: { grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret }
  });
  return tokenFromResult(result);
}
export {
  AbortError,
  ApiError,
  CONNECT_AUTHORIZE_URL,
  CallbackError,
  ConfigError,
  ConnectionError,
  InvalidResponseError,
  MemoryPendingStore,
  OAuthError,
  OAuthKitError,
  RedirectError,
  StoreError,
  TimeoutError,
  buildConnectAuthorizeUrl,
  completeConnectAuthorization,
  createAlpacaClient,
  exchangeConnectCode,
  generateState,
  issueClientCredentialsToken,
  metadata,
  startConnectAuthorization,
  unwrap
};

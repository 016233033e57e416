// Alpaca Connect from a static page: PKCE authorization request → Alpaca's authorize page → callback on
// this same page → code exchange → the first Trading API call with the token. Run against
// @oauth-kit/mock (see README.md); against the real Alpaca, do the exchange on your server, since it needs
// the client secret.
import { type PendingAuthorization, type PendingAuthorizationStore, completeAuthorization, startAuthorization } from "@oauth-kit/auth";
import { type ConnectTokenRequest, createAlpacaClient, unwrap } from "@oauth-kit/alpaca";

interface DemoConfig {
  /** Where Alpaca (or the mock) runs: its authorize page, token endpoint and Trading API. */
  alpacaUrl: string;
  clientId: string;
  clientSecret: string;
}

/** The pending request has to survive the trip to the authorize page: keep it in sessionStorage. */
const sessionStore: PendingAuthorizationStore = {
  save(state: string, pending: PendingAuthorization) {
    sessionStorage.setItem(`pending:${state}`, JSON.stringify(pending));
  },
  take(state: string) {
    const key = `pending:${state}`;
    const saved = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
    return saved === null ? undefined : (JSON.parse(saved) as PendingAuthorization);
  },
};

const show = (text: string, error = false) => {
  const status = document.getElementById("status")!;
  status.textContent = text;
  status.className = error ? "error" : "";
};

/** The config comes in the first URL (`?alpacaUrl=…&clientId=…&clientSecret=…`) and is kept for the callback. */
function config(): DemoConfig {
  const params = new URLSearchParams(location.search);
  if (params.has("alpacaUrl")) {
    const given = { alpacaUrl: params.get("alpacaUrl")!, clientId: params.get("clientId")!, clientSecret: params.get("clientSecret")! };
    sessionStorage.setItem("demo-config", JSON.stringify(given));
    history.replaceState(null, "", location.pathname);
    return given;
  }
  const saved = sessionStorage.getItem("demo-config");
  if (!saved) throw new Error("open this page with ?alpacaUrl=…&clientId=…&clientSecret=… (see README.md)");
  return JSON.parse(saved) as DemoConfig;
}

const redirectUri = () => `${location.origin}${location.pathname}`;

async function connect(settings: DemoConfig): Promise<void> {
  const { url } = await startAuthorization({
    provider: "alpaca",
    authorizeUrl: `${settings.alpacaUrl}/oauth/authorize`,
    clientId: settings.clientId,
    redirectUri: redirectUri(),
    scope: ["account:write", "trading"],
    pkce: true,
    store: sessionStore,
  });
  location.assign(url);
}

async function callback(settings: DemoConfig): Promise<void> {
  show("Exchanging the code…");
  // Checks state (known, unused, issued for Alpaca) and returns the code, redirect URI and PKCE verifier.
  const { code, redirectUri: usedRedirectUri, codeVerifier } = await completeAuthorization(location.href, { provider: "alpaca", store: sessionStore });
  history.replaceState(null, "", location.pathname);
  const alpaca = createAlpacaClient({ baseUrl: settings.alpacaUrl });
  // Alpaca documents no PKCE for Connect; the verifier rides along in the form (the mock checks it).
  const body = { grant_type: "authorization_code", code, client_id: settings.clientId, client_secret: settings.clientSecret, redirect_uri: usedRedirectUri, code_verifier: codeVerifier } as ConnectTokenRequest;
  const token = unwrap(await alpaca.POST("/oauth/token", { body }));

  // The first call with the token: the Trading API's account.
  const response = await fetch(`${settings.alpacaUrl}/v2/account`, { headers: { authorization: `Bearer ${token.access_token}` } });
  if (!response.ok) throw new Error(`GET /v2/account answered ${response.status}`);
  const account = (await response.json()) as { account_number: string; status: string; scope: string };
  const list = document.getElementById("account")!;
  for (const [label, value] of [["Account", account.account_number], ["Status", account.status], ["Scope", token.scope ?? ""]]) {
    list.insertAdjacentHTML("beforeend", `<dt>${label}</dt><dd></dd>`);
    list.lastElementChild!.textContent = value ?? "";
  }
  list.hidden = false;
  show("Connected.");
}

async function main(): Promise<void> {
  const settings = config();
  document.getElementById("connect")!.addEventListener("click", () => {
    connect(settings).catch((error: Error) => show(error.message, true));
  });
  if (new URLSearchParams(location.search).has("state")) await callback(settings);
}

main().catch((error: Error) => show(`${error.name}: ${error.message}`, true));

// The provider's authorization page: a tiny HTML page with Approve and Deny (or, with `autoApprove`, an
// immediate approval), redirecting back with `code` and `state` (RFC 6749 §4.1.2) or `error=access_denied`.
// An unknown client or a redirect URI that is not registered gets an error page, never a redirect (§4.1.2.1).
import type { HandlerContext, MockResponse, MockRoute } from "../provider.js";
import { html, redirect } from "../server/respond.js";
import type { MockState } from "../state.js";
import { issueCode } from "./codes.js";

export interface AuthorizePageOptions {
  /** Where the page is served, e.g. `/oauth/authorize`. */
  path: string;
  /** Name shown on the page. */
  providerName: string;
  /** Query names, where the provider uses others than RFC 6749's. */
  parameters?: { clientId?: string; redirectUri?: string };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function withQuery(uri: string, values: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(values)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem}</style>
</head><body>${body}</body></html>`;
}

export function authorizePageRoutes<S extends MockState, O>(options: AuthorizePageOptions): MockRoute<S, O>[] {
  const clientParameter = options.parameters?.clientId ?? "client_id";
  const redirectParameter = options.parameters?.redirectUri ?? "redirect_uri";

  const decide = (context: HandlerContext<S, O>, values: Record<string, string>, approve: boolean): MockResponse => {
    const client = context.state.clients.get(values[clientParameter] ?? "");
    const redirectUri = values[redirectParameter] ?? "";
    if (!client) return html(400, page("Unknown client", `<h1>Unknown client</h1><p>No application is registered with this client id.</p>`));
    if (!client.redirectUris.includes(redirectUri)) {
      return html(400, page("Invalid redirect URI", `<h1>Invalid redirect URI</h1><p>The redirect URI is not registered for ${escapeHtml(client.name)}.</p>`));
    }
    if (values.response_type !== undefined && values.response_type !== "code") {
      return redirect(withQuery(redirectUri, { error: "unsupported_response_type", state: values.state }));
    }
    if (!approve) return redirect(withQuery(redirectUri, { error: "access_denied", state: values.state }));
    const code = issueCode(context.state, context.now(), context.options.codeTtlSeconds, {
      clientId: client.clientId,
      redirectUri,
      scope: values.scope ?? "",
      codeChallenge: values.code_challenge,
      codeChallengeMethod: values.code_challenge_method,
    });
    return redirect(withQuery(redirectUri, { code: code.code, state: values.state }));
  };

  return [
    {
      method: "GET",
      path: options.path,
      handle(context) {
        const values = Object.fromEntries(context.request.url.searchParams);
        const client = context.state.clients.get(values[clientParameter] ?? "");
        if (context.options.autoApprove || !client || !client.redirectUris.includes(values[redirectParameter] ?? "")) {
          return decide(context, values, true);
        }
        const hidden = Object.entries(values)
          .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
          .join("");
        const scope = values.scope ? `<p>Requested access: <code>${escapeHtml(values.scope)}</code></p>` : "";
        return html(
          200,
          page(
            `Authorize ${client.name}`,
            `<h1>${escapeHtml(options.providerName)} (mock)</h1><p><strong>${escapeHtml(client.name)}</strong> wants to access your account.</p>${scope}
<form method="post" action="${escapeHtml(options.path)}">${hidden}<button type="submit" name="decision" value="approve" id="approve">Approve</button><button type="submit" name="decision" value="deny" id="deny">Deny</button></form>`,
          ),
        );
      },
    },
    {
      method: "POST",
      path: options.path,
      handle(context) {
        const values = Object.fromEntries(new URLSearchParams(context.request.rawBody));
        return decide(context, values, values.decision === "approve");
      },
    },
  ];
}

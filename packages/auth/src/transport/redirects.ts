import { RedirectError } from "../errors.js";
import { snippet } from "../redact.js";

// Redirects are followed by hand so that no secret is carried anywhere the request did not name.

export const MAX_REDIRECTS = 5;

export function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

export function redirectTarget(
  response: Response,
  from: string,
  retrySafe: boolean,
  credentialed: () => boolean,
  describe: () => Record<string, unknown>,
): string {
  const context = () => ({ ...describe(), status: response.status });
  // A token request (a code exchange, a refresh, a password grant) carries its secrets in the body and
  // must not be sent anywhere else, whatever the target (RFC 9700 §4.12, as oauth4webapi does).
  if (!retrySafe) {
    throw new RedirectError("refused a redirect: this operation is not safe to repeat (a token endpoint), so it is never sent to another URL", context());
  }
  const location = response.headers.get("location");
  if (response.type === "opaqueredirect" || !location) {
    throw new RedirectError("the server redirected and the target cannot be checked; redirects are not followed", context());
  }
  const source = new URL(from);
  let target: URL;
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
      context(),
    );
  }
  return target.href;
}


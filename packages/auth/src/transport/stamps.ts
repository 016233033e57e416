import { ConfigError } from "../errors.js";
import type { RequestContext } from "../request-context.js";

/** Computes each signature header over the bytes that will be sent, after every middleware ran. */
export async function applyStamps(stamps: NonNullable<RequestContext["stamps"]>, headers: Headers, text: string) {
  for (const { scheme, header, stamper } of stamps) {
    const { headerName, headerValue } = await stamper.stamp(text);
    if (headerName.toLowerCase() !== header.toLowerCase()) {
      throw new ConfigError(`scheme ${scheme} is the ${header} header, but the stamper sets ${headerName}`);
    }
    headers.set(header, headerValue);
  }
}


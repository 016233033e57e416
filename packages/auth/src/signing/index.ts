// Request signing: the pluggable Stamper interface and the Turnkey API-key implementation.
export type { Stamper } from "./stamper.js";
export {
  TURNKEY_STAMP_HEADER,
  TURNKEY_STAMP_SCHEME,
  createTurnkeyApiKeyStamper,
  assertTurnkeyApiKeyFormat,
  type TurnkeyApiKeyStamper,
  type TurnkeyApiKeyStamperOptions,
} from "./turnkey-api-key-stamper.js";

// Prints who the session belongs to, logging in only when no saved session can be used:
//   TRADOVATE_USERNAME, TRADOVATE_PASSWORD, TRADOVATE_CID, TRADOVATE_SEC, TRADOVATE_APP_ID, TRADOVATE_DEVICE_ID
//   TRADOVATE_SESSION_FILE   default ./tradovate-session.json
//   TRADOVATE_BASE_URL       optional: another host (a mock server), e.g. http://127.0.0.1:4010/v1
import { unwrap } from "@oauth-kit/tradovate";
import { openTradovate } from "./session.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const tradovate = await openTradovate({
  credentials: {
    name: env("TRADOVATE_USERNAME"),
    password: env("TRADOVATE_PASSWORD"),
    appId: env("TRADOVATE_APP_ID"),
    appVersion: "1.0",
    deviceId: env("TRADOVATE_DEVICE_ID"), // a stable id per installation
    cid: env("TRADOVATE_CID"),
    sec: env("TRADOVATE_SEC"),
  },
  file: process.env.TRADOVATE_SESSION_FILE ?? "tradovate-session.json",
  baseUrl: process.env.TRADOVATE_BASE_URL,
});
const me = unwrap(await tradovate.GET("/auth/me"));
if (me.errorText) throw new Error(me.errorText); // Tradovate reports errors with HTTP 200
console.log(`session of ${me.fullName} (user ${me.userId})`);

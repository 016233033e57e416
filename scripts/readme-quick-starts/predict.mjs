// packages/predict/README.md quick start: finalize the connection, page through orders, create an order.
const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
const ACCOUNT = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWFkbWUifQ.connection";
const API_KEY = "pk_live_readme_0000";

export const env = { PREDICT_API_KEY: API_KEY };

/** What the reader brings: wallet glue, the code from Predict's authorization step, a signed order. */
export const globals = () => ({
  wallet: { signer: SIGNER, account: ACCOUNT, sign: async (data) => `0xsig-${data.timestamp}` },
  authCode: "a3f9c2e1b7d84f60",
  signedOrder: {
    salt: "4761283912", maker: ACCOUNT, signer: SIGNER, taker: "0x0000000000000000000000000000000000000000",
    tokenId: "51938913127016535870372735891253698302183617400582396815284768283460342815522",
    makerAmount: "550000000000000000", takerAmount: "1000000000000000000", expiration: 1765503600,
    nonce: "0", feeRateBps: "200", side: 0, signatureType: 0,
  },
});

const refuse = (request, bearer) =>
  request.headers["x-api-key"] !== API_KEY ||
  request.originalOrigin !== "https://api.predict.fun" ||
  (bearer ? request.headers.authorization !== `Bearer ${TOKEN}` : request.headers.authorization !== undefined);
const unauthorized = { status: 401, body: { success: false, code: 401, error: "unauthorized", message: "no", timestamp: 0 } };

export const routes = {
  "POST /v1/oauth/finalize": (request) =>
    refuse(request, false) || request.json().data.authCode !== "a3f9c2e1b7d84f60" ? unauthorized : { body: { success: true, data: { token: TOKEN } } },
  "POST /v1/oauth/orders": (request) => {
    if (refuse(request, true)) return unauthorized;
    const { after } = request.json().data;
    return after === "c1"
      ? { body: { success: true, data: [{ id: "88214617", status: "OPEN", amountFilled: "10" }] } }
      : { body: { success: true, cursor: "c1", data: [{ id: "88214593", status: "OPEN", amountFilled: "0" }] } };
  },
  "POST /v1/oauth/orders/create": (request) =>
    refuse(request, true) ? unauthorized : { status: 201, body: { success: true, data: { code: "OK", orderId: "88214650", orderHash: "0xd04b" } } },
};

export function check({ stdout }) {
  for (const line of ["88214593 OPEN 0", "88214617 OPEN 10", "created order 88214650"]) {
    if (!stdout.includes(line)) throw new Error(`did not print "${line}": ${JSON.stringify(stdout)}`);
  }
}

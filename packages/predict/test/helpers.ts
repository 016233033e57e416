// Fixtures shared by the predict tests.
import type { ContractOrder } from "../src/index.js";

/** The wallet's signer (EOA) and the Predict account it signs for. */
export const SIGNER = "0x8Ba1f109551bD432803012645Ac136ddd64DBA72";
export const ACCOUNT = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";

/** An order as signed for the exchange contract. */
export const CONTRACT_ORDER: ContractOrder = {
  salt: "4761283912",
  maker: ACCOUNT,
  signer: SIGNER,
  taker: "0x0000000000000000000000000000000000000000",
  tokenId: "51938913127016535870372735891253698302183617400582396815284768283460342815522",
  makerAmount: "550000000000000000",
  takerAmount: "1000000000000000000",
  expiration: 1765503600,
  nonce: "0",
  feeRateBps: "200",
  side: 0,
  signatureType: 0,
};

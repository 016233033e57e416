// Logs in with the wallet and prints how many open orders the account has:
//   PREDICT_API_KEY       your Predict API key (required on mainnet)
//   WALLET_PRIVATE_KEY    the signer's private key (hex); keep it out of shells' history in real use
//   PREDICT_ACCOUNT       optional: the Predict account, default the wallet's address
//   PREDICT_BASE_URL      optional: another host (a mock server)
import { Wallet } from "ethers";
import { openOrders, openPredict } from "./predict.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const wallet = new Wallet(env("WALLET_PRIVATE_KEY"));
const connection = { apiKey: env("PREDICT_API_KEY"), wallet, account: process.env.PREDICT_ACCOUNT ?? wallet.address, baseUrl: process.env.PREDICT_BASE_URL };
const orders = await openOrders(openPredict(connection), connection);
console.log(`${orders.length} open orders for ${connection.account}`);

import { createAlpacaClient, unwrap, type OAuthClient } from "../src/index.js";
const a = createAlpacaClient();
const c: OAuthClient = unwrap(await a.GET("/v1/oauth/clients/{client_id}", { params: { path: { client_id: "x" } } }));
const d: undefined = unwrap(await a.DELETE("/v1/oauth/token/{token_id}", { params: { path: { token_id: "x" } } }));
export { c, d };

// The self-test's fixture README (scripts/test/fixtures/broken-readme): the provider knows only the
// registered client, so the quick start that asks for another one must fail its run.
export const routes = {
  "GET /v1/oauth/clients/7a3c52a910e1dc2abbb14da2b6b8e711": () => ({ body: { client_id: "7a3c52a910e1dc2abbb14da2b6b8e711", name: "Registered", status: "ACTIVE", redirect_uri: ["http://localhost"] } }),
};

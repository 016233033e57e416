// Turnkey behaviour: X-Stamp verified over the exact bytes (bad stamp → 401, code 16), activities that
// complete after the configured number of polls, OIDC tokens bound to the session key by their nonce.
import { describe, expect, it } from "vitest";
import { call, stamped, useMocks } from "./helpers.js";
import { useNock } from "@oauth-kit/testkit";

useNock();

const start = useMocks();

describe("X-Stamp", () => {
  it("a stamp over other bytes, an unknown key or no stamp: Turnkey's UNAUTHENTICATED", async () => {
    const mock = await start("turnkey");
    const organizationId = mock.credentials.organizationId!;
    expect((await stamped(mock, "/public/v1/query/list_oauth2_credentials", { organizationId })).status).toBe(200);

    // The stamp of that request, sent with the same JSON re-serialised (other bytes, same data).
    const headers = { "content-type": "application/json", "x-stamp": mock.state.requests.at(-1)!.headers["x-stamp"]! };
    const tampered = await call(mock, "POST", "/public/v1/query/list_oauth2_credentials", { raw: JSON.stringify({ organizationId }, null, 1), headers });
    expect([tampered.status, tampered.json]).toEqual([401, { code: 16, message: "could not verify stamp: signature does not match request body", details: [] }]);

    const other = await start("turnkey");
    const unknownKey = await stamped(mock, "/public/v1/query/list_oauth2_credentials", { organizationId }, other.credentials);
    expect(unknownKey.json).toMatchObject({ code: 16, message: "could not verify stamp: unknown API key" });

    const unsigned = await call(mock, "POST", "/public/v1/query/list_oauth2_credentials", { json: { organizationId } });
    expect([unsigned.status, unsigned.json.code]).toEqual([401, 16]);
  });
});

describe("activities", () => {
  it("stay CREATED, then PENDING, until pollsBeforeCompletion polls; the result appears on completion", async () => {
    const mock = await start("turnkey", { pollsBeforeCompletion: 2 });
    const organizationId = mock.credentials.organizationId!;
    const submitted = await stamped(mock, "/public/v1/submit/create_oauth2_credential", {
      type: "ACTIVITY_TYPE_CREATE_OAUTH2_CREDENTIAL",
      timestampMs: String(Date.now()),
      organizationId,
      parameters: { provider: "OAUTH2_PROVIDER_X", clientId: "c", encryptedClientSecret: "00" },
    });
    expect([submitted.json.activity.status, submitted.json.activity.result]).toEqual(["ACTIVITY_STATUS_CREATED", {}]);
    const poll = () => stamped(mock, "/public/v1/query/get_activity", { organizationId, activityId: submitted.json.activity.id });
    expect((await poll()).json.activity.status).toBe("ACTIVITY_STATUS_PENDING");
    const done = (await poll()).json.activity;
    expect(done.status).toBe("ACTIVITY_STATUS_COMPLETED");
    expect(done.result.createOauth2CredentialResult.oauth2CredentialId).toEqual(expect.any(String));
  });

  it("another organization: BadRequest (code 3); an unknown credential: NotFound (code 5)", async () => {
    const mock = await start("turnkey");
    const envelope = (organizationId: string) => ({
      type: "ACTIVITY_TYPE_DELETE_OAUTH2_CREDENTIAL",
      timestampMs: String(Date.now()),
      organizationId,
      parameters: { oauth2CredentialId: "00000000-0000-4000-8000-000000000000" },
    });
    const mismatch = await stamped(mock, "/public/v1/submit/delete_oauth2_credential", envelope("7bd1fbec-e9ee-4b33-abd1-137998866665"));
    expect([mismatch.status, mismatch.json.code]).toEqual([400, 3]);
    const missing = await stamped(mock, "/public/v1/submit/delete_oauth2_credential", envelope(mock.credentials.organizationId!));
    expect([missing.status, missing.json.code]).toEqual([404, 5]);
  });
});

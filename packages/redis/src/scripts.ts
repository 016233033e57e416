// The two Lua scripts of the store: Redis runs each atomically, so no other client sees a half-done step.

/**
 * Versioned write. KEYS: record hash, version channel. ARGV: expected version, encoded data.
 * Returns the new version, or -1 when the stored version is not the expected one. Publishes the new
 * version so waiting processes wake up and caching processes drop their copy.
 */
export const WRITE_SCRIPT = `
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
local nextVersion = current + 1
redis.call('HSET', KEYS[1], 'v', nextVersion, 'd', ARGV[2])
redis.call('PUBLISH', KEYS[2], nextVersion)
return nextVersion
`;

/** Compare-and-delete release. KEYS: lease key. ARGV: owner. Frees only the caller's own lease. */
export const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// @oauth-kit/redis: a Redis TokenStore for @oauth-kit/auth's createTokenSource({ store, key }).
export {
  createRedisTokenStore,
  type RedisTokenStore,
  type RedisTokenStoreOptions,
  type RedisCommandClient,
  type RedisSubscriberClient,
} from "./redis-token-store.js";
export { aesGcmEncryption, StoreError, type RecordEncryption } from "@oauth-kit/auth";

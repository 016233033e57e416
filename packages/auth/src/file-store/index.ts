// @oauth-kit/auth/file-store: the Node-only token store (node:fs), kept out of the main entry so browser
// bundles never see a Node built-in.
export { createFileTokenStore, type FileTokenStoreOptions } from "./file-store.js";

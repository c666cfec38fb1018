// What the extension keeps in its own storage: the server, the API token, who is signed in.
// Kept in storage (not memory) so the sign-in survives the service worker sleeping.
import { storage } from "wxt/utils/storage";
import type { Me } from "../../shared/schemas/auth";

export const DEFAULT_SERVER = "http://127.0.0.1:8787";

export const serverUrl = storage.defineItem<string>("local:serverUrl", { fallback: DEFAULT_SERVER });
export const apiToken = storage.defineItem<string | null>("local:apiToken", { fallback: null });
export const apiTokenId = storage.defineItem<number | null>("local:apiTokenId", { fallback: null });
export const signedInAs = storage.defineItem<Me | null>("local:me", { fallback: null });

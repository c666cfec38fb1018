// What the popup asks of the background service worker, which does every write that must not
// be cut short when the popup closes (sending a clip, refreshing deadlines).
import type { Clip, SendResult } from "./outbox";

export type BackgroundRequest = { type: "clip"; clip: Clip } | { type: "refresh" } | { type: "flush" };

interface Replies {
  clip: SendResult;
  refresh: { ok: boolean; message?: string };
  flush: { sent: number; waiting: number };
}

export function askBackground<R extends BackgroundRequest>(request: R): Promise<Replies[R["type"]]> {
  return browser.runtime.sendMessage(request) as Promise<Replies[R["type"]]>;
}

export type BackgroundReplies = Replies;

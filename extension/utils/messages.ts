// What the popup asks of the background service worker, which does every write that must not
// be cut short when the popup closes (sending a clip, refreshing deadlines), and checks a clip
// against the server's schemas (zod stays out of the popup, for its size).
import type { Draft, DraftErrors } from "./draft";
import type { SendResult } from "./outbox";

/** A clip is sent as the form stands; the service worker checks it, then queues and sends it. */
export type BackgroundRequest = { type: "clip"; draft: Draft; clientId: string } | { type: "refresh" } | { type: "flush" };

/** What became of a clip: sent, queued or refused by the server, or not sent as the form needs changing. */
export type ClipReply = SendResult | { kind: "invalid"; errors: DraftErrors };

interface Replies {
  clip: ClipReply;
  refresh: { ok: boolean; message?: string };
  flush: { sent: number; waiting: number };
}

export function askBackground<R extends BackgroundRequest>(request: R): Promise<Replies[R["type"]]> {
  return browser.runtime.sendMessage(request) as Promise<Replies[R["type"]]>;
}

export type BackgroundReplies = Replies;

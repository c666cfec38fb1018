// Explicit state machines: every allowed transition, and who may make it.
import type { Actor } from "./roles";

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
  by: readonly Actor[];
  /** Plain-English description of the event, used in errors and the audit log. */
  label: string;
}

export interface Machine<S extends string, E extends string> {
  name: string;
  states: readonly S[];
  /** Words shown to people for each state. */
  stateLabels: Record<S, string>;
  transitions: Record<E, Transition<S>>;
}

export function defineMachine<S extends string, E extends string>(machine: Machine<S, E>): Machine<S, E> {
  for (const [event, t] of Object.entries(machine.transitions) as [E, Transition<S>][]) {
    for (const s of [...t.from, t.to]) {
      if (!machine.states.includes(s)) throw new Error(`${machine.name}: ${event} names unknown state ${s}`);
    }
  }
  return machine;
}

export type TransitionErrorCode = "transition_not_allowed" | "not_permitted";

/** A refused transition: 409 when the state forbids it, 403 when the actor may not make it. */
export class TransitionError extends Error {
  readonly status: 403 | 409;
  constructor(
    readonly code: TransitionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TransitionError";
    this.status = code === "not_permitted" ? 403 : 409;
  }
}

function describeActors(actors: readonly Actor[]): string {
  return actors.map((a) => a.replace(/_/g, " ")).join(" or ");
}

/**
 * The state after `event`, or a TransitionError saying why not. `actors` are every
 * capacity in which the caller acts (e.g. ["osc_clerk", "public"]).
 */
export function nextState<S extends string, E extends string>(machine: Machine<S, E>, current: S, event: E, actors: readonly Actor[]): S {
  const t = machine.transitions[event];
  if (!t) throw new TransitionError("transition_not_allowed", `Unknown ${machine.name} event: ${event}`);
  if (!t.from.includes(current)) {
    throw new TransitionError(
      "transition_not_allowed",
      `Cannot ${t.label} a ${machine.name} that is ${machine.stateLabels[current].toLowerCase()}. ` +
        `This is only possible when it is ${t.from.map((s) => machine.stateLabels[s].toLowerCase()).join(" or ")}.`,
    );
  }
  if (!actors.some((a) => t.by.includes(a))) {
    throw new TransitionError("not_permitted", `Only a ${describeActors(t.by)} can ${t.label} a ${machine.name}.`);
  }
  return t.to;
}

/** Events the actors may make from the current state (for showing the right buttons). */
export function availableEvents<S extends string, E extends string>(machine: Machine<S, E>, current: S, actors: readonly Actor[]): E[] {
  return (Object.entries(machine.transitions) as [E, Transition<S>][])
    .filter(([, t]) => t.from.includes(current) && actors.some((a) => t.by.includes(a)))
    .map(([e]) => e);
}

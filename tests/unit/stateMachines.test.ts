import { describe, expect, it } from "vitest";
import { consultationMachine } from "../../shared/consultations/machine";
import { obligationMachine } from "../../shared/obligations/machine";
import { obligationStatus } from "../../shared/obligations/rules";
import { petitionMachine, petitionResponseMachine, petitionScrutinyMachine } from "../../shared/petitions/machine";
import type { Actor } from "../../shared/roles";
import { availableEvents, nextState, TransitionError, type Machine } from "../../shared/stateMachine";

const everyone: Actor[] = ["public", "petitioner", "system", "link_member", "osc_clerk", "responder", "admin"];

/** Every (state, event) pair: allowed exactly when the machine lists it, for its actors only. */
function checkExhaustively<S extends string, E extends string>(machine: Machine<S, E>) {
  for (const state of machine.states) {
    for (const [event, t] of Object.entries(machine.transitions) as [E, Machine<S, E>["transitions"][E]][]) {
      for (const actor of everyone) {
        const allowed = t.from.includes(state) && t.by.includes(actor);
        if (allowed) {
          expect(nextState(machine, state, event, [actor])).toBe(t.to);
        } else {
          const run = () => nextState(machine, state, event, [actor]);
          expect(run).toThrow(TransitionError);
          try {
            run();
          } catch (e) {
            const err = e as TransitionError;
            expect(err.status).toBe(t.from.includes(state) ? 403 : 409);
          }
        }
      }
    }
  }
}

describe("petition machines", () => {
  it("allows exactly the listed transitions to the listed actors", () => {
    checkExhaustively(petitionMachine);
    checkExhaustively(petitionResponseMachine);
    checkExhaustively(petitionScrutinyMachine);
  });

  it("walks the usual path", () => {
    let s = nextState(petitionMachine, "draft", "confirm", ["petitioner"]);
    s = nextState(petitionMachine, s, "approve", ["osc_clerk"]);
    expect(s).toBe("open");
    expect(nextState(petitionMachine, s, "close", ["system"])).toBe("closed");
  });

  it("explains a forbidden transition in plain words", () => {
    expect(() => nextState(petitionMachine, "open", "approve", ["osc_clerk"])).toThrow(
      "Cannot approve a petition that is open for signatures. This is only possible when it is waiting to be checked.",
    );
    expect(() => nextState(petitionMachine, "pending", "approve", ["responder"])).toThrow(/Only a osc clerk or admin can approve/);
  });

  it("lists what an actor can do now", () => {
    expect(availableEvents(petitionMachine, "pending", ["osc_clerk"])).toEqual(["approve", "reject", "reject_and_hide"]);
    expect(availableEvents(petitionMachine, "pending", ["public"])).toEqual([]);
  });
});

describe("consultation machine", () => {
  it("allows exactly the listed transitions", () => checkExhaustively(consultationMachine));
  it("lets only the running body publish the outcome", () => {
    expect(nextState(consultationMachine, "active", "publish_outcome", ["responder"])).toBe("outcome_published");
    expect(() => nextState(consultationMachine, "active", "publish_outcome", ["link_member"])).toThrow(TransitionError);
  });
});

describe("obligation machine", () => {
  it("allows exactly the listed transitions", () => checkExhaustively(obligationMachine));
  it("computes overdue from the due date", () => {
    const now = new Date("2026-01-10T12:00:00Z");
    expect(obligationStatus({ state: "open", due_at: "2026-01-09T23:59:59.999Z" }, now)).toBe("overdue");
    expect(obligationStatus({ state: "open", due_at: "2026-01-10T23:59:59.999Z" }, now)).toBe("open");
    expect(obligationStatus({ state: "met", due_at: "2026-01-09T23:59:59.999Z" }, now)).toBe("met");
    expect(() => nextState(obligationMachine, "met", "meet", ["responder"])).toThrow(/Cannot answer a request that is answered/);
  });
});

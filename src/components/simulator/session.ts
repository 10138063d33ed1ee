/**
 * The simulator's engine session: one engine on the browser database, every call run one after another (an
 * interactive re-score waits at most for the draw in progress) and timed.
 */
import type {BatchOptions} from "../../engine/scoring/batch.js";
import type {Engine} from "../../engine/scoring/engine.js";
import type {NodeScore, Scenario, ScoreOptions, ScoreResult, SubUnit} from "../../engine/scoring/types.js";
import {leavesOf, spreadToSubunits} from "../../engine/regions/rollup.js";

/** A serial, timed wrapper around an engine. */
export interface SimSession {
  readonly engine: Engine;
  /** Runs `task` after every task queued before it. */
  serial<T>(task: (engine: Engine) => Promise<T>): Promise<T>;
  /** One engine.score call, queued; `ms` is the time of the call itself (not the wait). */
  score(options: ScoreOptions): Promise<{result: ScoreResult; ms: number}>;
  /** One engine.scoreScenarios call (many scenarios, one statement), queued and timed like {@link score}. */
  scenarios(scenarios: readonly Scenario[], options: BatchOptions): Promise<{result: NodeScore[][]; ms: number}>;
}

/**
 * Wraps an engine in a serial queue. With `subunits`, a what-if value of a parent region (China) is set in each of its
 * sub-units (Shanghai and Beijing), src/engine/regions/rollup.ts.
 */
export function createSession(
  engine: Engine,
  now: () => number = () => performance.now(),
  subunits: readonly SubUnit[] = []
): SimSession {
  const leaves = leavesOf(subunits);
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: (engine: Engine) => Promise<T>): Promise<T> => {
    const run = tail.then(
      () => task(engine),
      () => task(engine)
    );
    tail = run.catch(() => undefined);
    return run;
  };
  const timedCall = <T>(call: (e: Engine) => Promise<T>) =>
    serial(async (e) => {
      const start = now();
      const result = await call(e);
      return {result, ms: now() - start};
    });
  return {
    engine,
    serial,
    score: (options) => timedCall((e) => e.score({...options, scenario: spreadToSubunits(options.scenario, leaves)})),
    scenarios: (scenarios, options) =>
      timedCall((e) =>
        e.scoreScenarios(
          scenarios.map((s) => spreadToSubunits(s, leaves)!),
          options
        )
      )
  };
}

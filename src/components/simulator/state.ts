/**
 * The simulator's state (focus region, peer group, period and the what-if) and how it becomes an engine call.
 * The page and the tests both build their engine options here, so a browser result and a Node result answer the
 * very same question.
 */
import type {Scenario, ScoreOptions} from "../../engine/scoring/types.js";
import type {PeerGroup} from "../../engine/regions/regions.js";
import {goalValue, type Goal, type SimModel} from "./model.js";

/** Everything a shared link or a scenario file holds. */
export interface SimState {
  /** Region whose values are edited. */
  focus: string;
  /** Peer group id the focus is ranked in. */
  group: string;
  period: string;
  /** Measure id → what-if raw value of the focus region in `period` (null: make it missing). */
  values: Record<string, number | null>;
  /** Node or measure id → weight on the edge from its parent (relative within the parent). */
  weights: Record<string, number>;
  /** Measure id → new normalisation target / frontier best (methodology override). */
  targets: Record<string, number>;
}

/** The state the page opens on: the focus and group given, no change. */
export function initialState(focus: string, group: string, period: string): SimState {
  return {focus, group, period, values: {}, weights: {}, targets: {}};
}

/** The engine scenario of a state: value overrides for the focus region in the chosen period, weights, targets. */
export function scenarioOf(state: SimState): Scenario {
  const values = Object.entries(state.values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([measure, value]) => ({region: state.focus, period: state.period, measure, value}));
  return {values, weights: {...state.weights}, targets: {...state.targets}};
}

/** The engine call the page makes for a state: the peer group in the chosen period, every node, no measure rows. */
export function scoreOptionsOf(state: SimState, groups: readonly PeerGroup[]): ScoreOptions {
  return {peerGroup: membersOf(state, groups), periods: [state.period], scenario: scenarioOf(state), measures: false};
}

/**
 * What the page asks the engine for on every edit, and no more: the totals and ranks of the peer group (the ranking
 * and the headline), and every node and measure of the focus region alone (waterfall, lead units, the "why" table).
 * A region's scores do not depend on its peers; only its rank does.
 */
export function pageCallsOf(
  state: SimState,
  groups: readonly PeerGroup[],
  root: string
): {ranking: ScoreOptions; focus: ScoreOptions} {
  const scenario = scenarioOf(state);
  return {
    ranking: {peerGroup: membersOf(state, groups), periods: [state.period], scenario, level: root, measures: false},
    focus: {peerGroup: [state.focus], periods: [state.period], scenario, measures: true}
  };
}

/** What a result answers: the focus, group, period and every edit (results computed for another key are stale). */
export function stateKey(s: SimState): string {
  const sorted = (o: Record<string, number | null>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([s.focus, s.group, s.period, sorted(s.values), sorted(s.weights), sorted(s.targets)]);
}

/** The members of the state's peer group (the focus alone when the group is unknown or does not contain it). */
export function membersOf(state: SimState, groups: readonly PeerGroup[]): string[] {
  const members = groups.find((g) => g.id === state.group)?.members ?? [];
  return members.includes(state.focus) ? [...members] : [state.focus];
}

/**
 * The values that meet every goal the plan (or the frontier) sets, given the focus region's current raw values;
 * a value already better than the goal is kept, and a measure without a goal is left out.
 */
export function goalValues(
  model: SimModel,
  current: ReadonlyMap<string, number | null>,
  goal: Goal = "target"
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of model.measures.values()) {
    const v = goalValue(m, goal, current.get(m.id) ?? null);
    if (v !== null) out[m.id] = v;
  }
  return out;
}

/** A state with the plan's targets applied on top of its edits. */
export function withPlanTargets(
  state: SimState,
  model: SimModel,
  current: ReadonlyMap<string, number | null>
): SimState {
  return {...state, values: {...state.values, ...goalValues(model, current, "target")}};
}

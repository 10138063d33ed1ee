/**
 * The model folder owns what the methodology and the plan's catalogue say together about each node and measure, as
 * the report pages and the simulator both present them: names, the indicator and category a measure belongs to, unit,
 * direction, the values that score full marks and zero, the plan's target, lead units and effective weight
 * (describe.ts), and the one goal rule: when a target is met, and the value a region reaches when it meets a target or
 * the frontier (goal.ts), and why a score is missing (missing.ts). This file is the folder's front door.
 */
export {depthOf, describeMeasures, describeNodes} from "./describe.js";
export {isYesNo} from "./yes-no.js";
export type {MeasureInfo, NodeInfo, PlanTarget} from "./describe.js";
export {goalComparator, goalValue, targetMet} from "./goal.js";
export {explainMissing, explainMissingTotals, formatMissing} from "./missing.js";
export type {MissingReason} from "./missing.js";
export type {Goal} from "./goal.js";

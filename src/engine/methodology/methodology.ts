/**
 * The methodology folder owns a scoring method as data: its types (types.ts), the checks of a methodology file with
 * the JSON path of every problem (parse.ts, checker.ts, references.ts), reading its hierarchy (hierarchy.ts), units
 * of measure (units.ts), and the plan the scoring SQL joins (plan.ts, with scenario weights and targets applied).
 * Format: docs/methodology-format.md. This file is the folder's front door.
 */
export type {
  Aggregation,
  Derivation,
  Direction,
  Edge,
  FlagRule,
  HierarchyNode,
  Measure,
  Methodology,
  MissingPolicy,
  Names,
  Normalisation
} from "./types.js";
export {MethodologyError, type MethodologyIssue} from "./checker.js";
export {parseMethodology} from "./parse.js";
export {MAX_DEPTH, nodeHeights, nodeLevels, parentOf, rootNode} from "./hierarchy.js";

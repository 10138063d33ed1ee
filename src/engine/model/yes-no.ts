/**
 * Whether a measure is a yes/no item (a checklist point): its unit is yes/no, whatever normalisation scores it (the
 * plan's checklists score yes = 1, no = 0 on a frontier; older files say method "yes_no"). A file of its own, with no
 * imports, so that the report pages can ask without loading the methodology parser.
 */
export function isYesNo(m: {unit: string; method: string}): boolean {
  return m.unit === "yes_no" || m.method === "yes_no";
}

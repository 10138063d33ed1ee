/**
 * The what-if inputs: one number per measure, grouped by category (categories 10–12 first), and the weight
 * controls with the effective weight each node ends up with. Invalid entries are marked and explained, and
 * leave the state as it was.
 */
import {html} from "htl";
import {UNITS} from "../../engine/methodology/units.js";
import {pick} from "../i18n.js";
import {isYesNo} from "../../engine/model/model.js";
import {formatTarget, formatValue as formatUnitValue} from "../format.js";
import type {SimContext} from "./context.js";
import {formatShare, formatValue} from "./format.js";
import type {SimSummary} from "./results.js";

export interface InputsPanels {
  measures: HTMLElement;
  weights: HTMLElement;
  /** Writes the state's values and weights, and the current values, into the inputs. */
  sync(): void;
  /** Writes the focus region's current values into their column. */
  showCurrent(): void;
  showEffective(summary: SimSummary): void;
}

export function inputsPanels(ctx: SimContext): InputsPanels {
  const {lang, t, model} = ctx;
  const measureInputs = new Map<string, HTMLInputElement>();
  const tickBoxes = new Map<string, HTMLInputElement>();
  const currentCells = new Map<string, HTMLElement>();
  const measures = html`<div class="sim-inputs">
    ${model.categories.map((c, i) => {
      const rows = c.measures.map((m) => {
        // A checklist item is a tick box: ticked = the region has it (1), unticked = not (0).
        const yesNo = isYesNo(m);
        const input = html`<input
          type=${yesNo ? "checkbox" : "number"}
          step="any"
          inputmode="decimal"
          name=${m.id}
          data-measure=${m.id}
          data-testid=${`measure-${m.id}`}
          aria-label=${ctx.measureName(m)}
        />` as HTMLInputElement;
        (yesNo ? tickBoxes : measureInputs).set(m.id, input);
        const cur = html`<td class="num" data-label=${t("sim.current")}></td>` as HTMLElement;
        currentCells.set(m.id, cur);
        const unit = UNITS[m.unit as keyof typeof UNITS];
        // data-label names each cell where a phone stacks the row (the column headers are hidden there).
        return html`<tr>
          <td class="sim-measure-name" data-testid=${`measure-name-${m.id}`}>
            ${ctx.measureName(m)}
            <div class="sim-muted">${m.leadUnits.map(ctx.unitName).join("、")}</div>
          </td>
          <td data-label=${t("sim.unit")}>${unit ? pick(lang, unit.zh, unit.en) : m.unit}</td>
          ${cur}
          <td class="num" data-label=${t("common.frontier")}>${formatValue(m.best)}</td>
          ${
            model.planTargets
              ? html`<td class="num" data-label=${t("sim.planTarget")} title=${m.target?.quoteZh ?? ""}>
                  ${m.target ? formatTarget(lang, m) : "—"}
                </td>`
              : ""
          }
          <td class="sim-what-if" data-label=${t("sim.whatIf")}>${input}</td>
        </tr>`;
      });
      return html`<details open=${i === 0}>
        <summary>
          ${c.number}. ${pick(lang, c.nameZh, c.nameEn)} <span class="sim-muted">(${c.measures.length})</span>
        </summary>
        <table class="sim-table sim-measures sim-stack">
          <thead>
            <tr>
              <th>${t("sim.measure")}</th>
              <th>${t("sim.unit")}</th>
              <th>${t("sim.current")}</th>
              <th>${t("common.frontier")}</th>
              ${model.planTargets ? html`<th>${t("sim.planTarget")}</th>` : ""}
              <th>${t("sim.whatIf")}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </details>`;
    })}
  </div>` as HTMLElement;

  const weightInputs = new Map<string, HTMLInputElement>();
  const effectiveCells = new Map<string, HTMLElement>();
  const weightInput = (id: string, label: string) => {
    const input = html`<input
      type="number"
      min="0"
      step="any"
      data-weight=${id}
      data-testid=${`weight-${id}`}
      aria-label=${label}
      placeholder=${formatValue(model.defaultWeights.get(id))}
    />` as HTMLInputElement;
    weightInputs.set(id, input);
    const cell = html`<td class="num" data-testid=${`effective-${id}`}></td>` as HTMLElement;
    effectiveCells.set(id, cell);
    return {input, cell};
  };
  const weights = html`<table class="sim-table">
    <thead>
      <tr>
        <th>${t("common.category")}</th>
        <th>${t("sim.weight")}</th>
        <th>${t("sim.effectiveWeight")}</th>
      </tr>
    </thead>
    <tbody>
      ${model.categories.map((c) => {
        const {input, cell} = weightInput(c.id, pick(lang, c.nameZh, c.nameEn));
        const indicators = c.indicators.map((ind) => {
          const w = weightInput(ind.id, pick(lang, ind.nameZh, ind.nameEn));
          return html`<tr>
            <td>${pick(lang, ind.nameZh, ind.nameEn)}</td>
            <td>${w.input}</td>
            ${w.cell}
          </tr>`;
        });
        return html`<tr>
          <td>
            ${c.number}. ${pick(lang, c.nameZh, c.nameEn)}
            <details>
              <summary class="sim-muted">${t("sim.indicatorWeights")}</summary>
              <table class="sim-table sim-inner">
                ${indicators}
              </table>
            </details>
          </td>
          <td>${input}</td>
          ${cell}
        </tr>`;
      })}
    </tbody>
  </table>` as HTMLElement;

  for (const [id, input] of measureInputs) {
    input.addEventListener("input", () => {
      const m = model.measures.get(id)!;
      const text = input.value.trim();
      if (text === "") {
        delete ctx.state.values[id];
        fieldError(input, null);
        return ctx.schedule();
      }
      const unit = UNITS[m.unit as keyof typeof UNITS];
      const value = Number(text);
      if (!Number.isFinite(value) || (unit && (value < unit.min || value > unit.max))) {
        const why = t("sim.badInput", {
          measure: ctx.measureName(m),
          text,
          min: bound(unit?.min ?? -Infinity),
          max: bound(unit?.max ?? Infinity)
        });
        fieldError(input, why);
        ctx.say(why, "error");
        return;
      }
      fieldError(input, null);
      ctx.state.values[id] = value;
      ctx.schedule();
    });
  }
  for (const [id, box] of tickBoxes) {
    box.addEventListener("change", () => {
      // Ticking back to the region's current answer removes the what-if.
      const value = box.checked ? 1 : 0;
      if (value === (ctx.current.get(id) ?? null)) delete ctx.state.values[id];
      else ctx.state.values[id] = value;
      ctx.schedule();
    });
  }
  for (const [id, input] of weightInputs) {
    input.addEventListener("input", () => {
      const text = input.value.trim();
      const value = Number(text);
      if (text === "") delete ctx.state.weights[id];
      else if (!Number.isFinite(value) || value < 0) {
        fieldError(input, t("sim.badWeight", {id, text}));
        ctx.say(t("sim.badWeight", {id, text}), "error");
        return;
      } else ctx.state.weights[id] = value;
      fieldError(input, null);
      ctx.schedule();
    });
  }

  const showCurrent = () => {
    for (const [id, cell] of currentCells) {
      const m = model.measures.get(id)!;
      const x = ctx.current.get(id);
      cell.textContent = isYesNo(m) ? formatUnitValue(lang, x, "yes_no") : formatValue(x);
    }
    for (const [id, box] of tickBoxes) box.checked = (ctx.state.values[id] ?? ctx.current.get(id) ?? 0) >= 1;
  };
  return {
    measures,
    weights,
    showCurrent,
    sync() {
      for (const [id, input] of measureInputs) {
        const v = ctx.state.values[id];
        input.value = v === undefined || v === null ? "" : String(v);
        input.removeAttribute("aria-invalid");
      }
      for (const [id, input] of weightInputs) {
        const w = ctx.state.weights[id];
        input.value = w === undefined ? "" : String(w);
        input.removeAttribute("aria-invalid");
      }
      showCurrent();
    },
    showEffective(summary) {
      for (const [id, cell] of effectiveCells) cell.textContent = formatShare(summary.effectiveWeights[id]);
    }
  };
}

/** A unit's bound as people write it: ∞ rather than "Infinity". */
const bound = (x: number) => (x === Infinity ? "∞" : x === -Infinity ? "-∞" : formatValue(x));

/** Writes why a field's text was refused next to the field (in words, the page's language), or clears it. */
function fieldError(input: HTMLInputElement, why: string | null): void {
  let note = input.nextElementSibling as HTMLElement | null;
  if (!note?.classList.contains("sim-field-error")) {
    note = html`<span class="sim-field-error" role="alert"></span>` as HTMLElement;
    input.after(note);
  }
  note.textContent = why ?? "";
  note.hidden = why === null;
  if (why === null) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
}

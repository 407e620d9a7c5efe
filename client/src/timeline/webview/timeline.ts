// The transfer timeline webview: two lanes on one time axis, zoomed and panned with d3-zoom, a
// verdict banner, an offset control and a table of the aligned events for screen readers.
// Runs in the browser; the model comes by postMessage and every text goes in as a text node.

import { axisBottom } from "d3-axis";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import type { Language } from "../../../../server/src/shared/text";
import type { CompareEvent, CompareModel, EvidenceLine } from "../../../../server/src/shared/compareModel";
import { verdictTone } from "../../../../server/src/shared/compareModel";
import {
  anchorOf,
  clockText,
  displayedOffset,
  eventAccessibleLabel,
  fill,
  formatOffsetShort,
  initialViewState,
  isNotable,
  kindLabel,
  laneLabel,
  laneOrder,
  laneShift,
  sideName,
  offsetFromDisplayed,
  pairIssuesOf,
  phaseLabel,
  severityLabel,
  placeMarks,
  TIMELINE_WORDS,
  timeExtent,
  timelineRows,
  type TimelineViewState,
  type TimelineWords,
} from "../../../../server/src/render/compareTimeline";
import type { CompareResult } from "../../../../server/src/shared/protocol";
import type { FileNames, FromWebview, TimelineWebviewState, ToWebview } from "../messages";
import { button, ellipsize, h, oncePerFrame, s, svgTitle, vscodeApi } from "./dom";

const vscode = vscodeApi<FromWebview, TimelineWebviewState>();

// Geometry of the chart, in CSS pixels. Lane labels sit on the lane's first line, so the plot
// has the whole width even in a narrow panel.
const LEFT = 12;
const RIGHT = 14;
const TOP = 2;
const LANE_HEIGHT = 126;
const LANE_GAP = 8;
const AXIS_HEIGHT = 26;
const LABEL_Y = 17;
const PHASE_Y = 25;
const PHASE_HEIGHT = 18;
const WAIT_Y = 46;
const WAIT_HEIGHT = 15;
const MARKS_Y = 75;
const ROW_HEIGHT = 13;
const MAX_ROWS = 4;
const NOTABLE_RADIUS = 5.5;
const ENTRY_RADIUS = 3.5;
const MARK_GAP = 2 * NOTABLE_RADIUS + 2;
const CHAR_WIDTH = 6.4;

/** About how wide an 11px label is: CJK characters take about two Latin ones. */
function textWidth(text: string): number {
  let units = 0;
  for (const c of text) units += c.codePointAt(0)! >= 0x2e80 ? 1.9 : 1;
  return units * CHAR_WIDTH;
}

/** Evidence first, then findings, key events, ordinary entries: the order marks get room in. */
function markPriority(event: CompareEvent, evidence: boolean): number {
  if (evidence) return 3;
  if (event.severity !== null) return 2;
  return event.kind === "entry" ? 0 : 1;
}

/** How many gaps sideways a mark may move when its column is full. */
function markReach(priority: number): number {
  return priority === 0 ? 2 : 12;
}

interface Mark {
  readonly sideIndex: number;
  readonly event: CompareEvent;
  readonly priority: number;
  readonly element: SVGGElement;
}

interface Lane {
  readonly sideIndex: number;
  readonly top: number;
  /** Sorted by the side's own time. */
  readonly marks: Mark[];
  readonly phases: Span[];
  readonly waits: Span[];
}

class TimelineView {
  private readonly words: TimelineWords;
  private readonly language: Language;
  private readonly model: CompareModel;
  private view: TimelineViewState;

  private readonly offsetInput: HTMLInputElement;
  private readonly offsetText: HTMLElement;
  private readonly status: HTMLElement;
  private readonly chartBox: HTMLElement;
  private readonly axisCaption: HTMLElement;
  private readonly tableBody: HTMLTableSectionElement;
  private readonly evidenceKeys: Set<string>;

  private svg: SVGSVGElement | undefined;
  private axis: SVGGElement | undefined;
  private clipRect: SVGRectElement | undefined;
  private anchorLine: SVGPathElement | undefined;
  private lanes: Lane[] = [];
  private width = 0;
  private baseX: ScaleLinear<number, number> = scaleLinear();
  private transform: ZoomTransform = zoomIdentity;
  private zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> | undefined;
  /** Lays the chart out again once in the next frame (resizes come many a frame). */
  private readonly scheduleLayout = oncePerFrame(() => this.layout());

  constructor(
    private readonly root: HTMLElement,
    result: CompareResult,
    private readonly fileNames: FileNames,
    saved: TimelineViewState | undefined,
  ) {
    this.model = result.model;
    this.language = result.language;
    this.words = TIMELINE_WORDS[this.language];
    this.view = saved ?? initialViewState(this.model);
    this.evidenceKeys = new Set(this.model.verdict.evidence.map((e) => `${e.sideIndex}:${e.entryIndex}`));
    document.documentElement.lang = this.language;
    document.title = `${this.words.title}: ${laneLabel(this.model, 0, this.language)} ⇄ ${laneLabel(this.model, 1, this.language)}`;

    const w = this.words;
    this.offsetInput = h("input", { id: "offset", type: "number", step: "1", title: w.offsetHelp, "aria-describedby": "offset-text offset-help" });
    this.offsetText = h("span", { id: "offset-text", class: "muted" });
    this.status = h("p", { id: "status", class: "status", role: "status", "aria-live": "polite" });
    this.chartBox = h("div", { class: "chart-box" });
    this.axisCaption = h("p", { class: "axis-caption muted" });
    this.tableBody = h("tbody");

    root.replaceChildren(
      this.renderToolbar(),
      this.renderVerdict(),
      h(
        "section",
        { class: "chart", "aria-labelledby": "chart-title" },
        h(
          "div",
          { class: "section-head" },
          h("h2", { id: "chart-title" }, w.chart),
          h("div", { class: "zoom-buttons", role: "group", "aria-label": w.zoomHelp },
            button("zoom-in", w.zoomIn, "+", () => this.zoomBy(1.6)),
            button("zoom-out", w.zoomOut, "−", () => this.zoomBy(1 / 1.6)),
            button("zoom-fit", w.zoomReset, w.zoomReset, () => this.fit()),
          ),
        ),
        this.chartBox,
        this.axisCaption,
        h("p", { id: "zoom-help", class: "muted help" }, w.zoomHelp),
        this.renderLegend(),
        this.omittedNote(),
      ),
      this.renderList(),
      this.status,
    );
    this.updateOffsetControl();
    this.buildChart(null);
    this.renderRows();
    new ResizeObserver(() => this.onResize()).observe(this.chartBox);
  }

  // ---- toolbar -------------------------------------------------------------------------------

  private renderToolbar(): HTMLElement {
    const w = this.words;
    this.offsetInput.addEventListener("input", () => {
      const value = Number.parseFloat(this.offsetInput.value);
      if (Number.isFinite(value)) this.setOffset(offsetFromDisplayed(value, this.view.swapped), false);
    });
    this.offsetInput.addEventListener("keydown", (event) => {
      if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        // Shift+arrow: a minute at a time, like the ± buttons.
        if (!event.shiftKey) return;
        event.preventDefault();
        this.nudge(event.key === "ArrowUp" ? 60 : -60);
      }
    });
    const minus = button("offset-minus", w.offsetMinus, "−", (event) => this.nudge(event.shiftKey ? -60 : -1));
    const plus = button("offset-plus", w.offsetPlus, "+", (event) => this.nudge(event.shiftKey ? 60 : 1));
    const reset = button("offset-reset", w.offsetResetHelp, w.offsetReset, () => this.setOffset(this.model.offsetSeconds, true));
    const swap = button("swap", w.swapHelp, w.swap, () => this.swap());
    const copy = button("copy", w.copy, w.copy, () => vscode.postMessage({ type: "copyDiagnosis", offsetSeconds: this.view.offsetSeconds }));
    copy.classList.add("primary");
    return h(
      "header",
      { class: "toolbar" },
      h("h1", {}, `${w.title}: ${laneLabel(this.model, 0, this.language)} ⇄ ${laneLabel(this.model, 1, this.language)}`),
      h(
        "div",
        { class: "controls" },
        h(
          "div",
          { class: "offset", role: "group", "aria-labelledby": "offset-label" },
          h("label", { id: "offset-label", for: "offset" }, w.offset),
          minus,
          this.offsetInput,
          plus,
          h("span", { class: "unit" }, w.offsetSeconds),
          this.offsetText,
        ),
        h("div", { class: "actions" }, reset, swap, copy),
      ),
      h("p", { class: "muted help" }, h("span", { id: "offset-help", class: "sr-only" }, `${w.offsetHelp} `), w.anchor[this.model.offsetAnchor]),
    );
  }

  private nudge(seconds: number): void {
    const shown = displayedOffset(this.view.offsetSeconds, this.view.swapped) + seconds;
    this.setOffset(offsetFromDisplayed(shown, this.view.swapped), true);
  }

  private setOffset(offsetSeconds: number, updateInput: boolean): void {
    if (offsetSeconds === this.view.offsetSeconds) return;
    const domain = this.visibleDomain();
    this.view = { ...this.view, offsetSeconds };
    this.saveView();
    if (updateInput) this.updateOffsetControl();
    else this.offsetText.textContent = `= ${formatOffsetShort(displayedOffset(offsetSeconds, this.view.swapped), this.language)}`;
    // The upper lane keeps its clock, so the visible stretch of time stays where it was.
    this.updateExtent(domain);
    this.renderRows();
  }

  private swap(): void {
    const domain = this.visibleDomain();
    const before = laneShift(0, this.view.offsetSeconds, this.view.swapped);
    this.view = { ...this.view, swapped: !this.view.swapped };
    const delta = laneShift(0, this.view.offsetSeconds, this.view.swapped) - before;
    this.saveView();
    this.updateOffsetControl();
    this.buildChart(domain === null ? null : [domain[0] + delta, domain[1] + delta]);
    this.renderRows();
    this.announce(`${this.words.lane} 1: ${laneLabel(this.model, laneOrder(this.view.swapped)[0]!, this.language)}`);
  }

  private updateOffsetControl(): void {
    const shown = displayedOffset(this.view.offsetSeconds, this.view.swapped);
    this.offsetInput.value = String(shown);
    this.offsetText.textContent = `= ${formatOffsetShort(shown, this.language)}`;
  }

  private saveView(): void {
    vscode.setState({ uris: currentUris, view: this.view });
    vscode.postMessage({ type: "viewState", view: this.view });
  }

  announce(text: string): void {
    // Cleared first so that the same text is announced again.
    this.status.textContent = "";
    window.setTimeout(() => (this.status.textContent = text), 50);
  }

  // ---- verdict -------------------------------------------------------------------------------

  private renderVerdict(): HTMLElement {
    const w = this.words;
    const { verdict } = this.model;
    const section = h(
      "section",
      { id: "verdict", class: `verdict verdict-${verdictTone(verdict.code)}`, "data-code": verdict.code, "aria-labelledby": "verdict-title" },
      h("h2", { id: "verdict-title" }, `${w.verdict}: `, h("code", {}, verdict.code)),
      h("p", { class: "summary" }, verdict.summary[this.language]),
    );
    if (verdict.evidence.length > 0) {
      const list = h("ul", { class: "evidence", "aria-labelledby": "evidence-title" });
      for (const e of verdict.evidence) list.append(this.evidenceItem(e));
      section.append(h("h3", { id: "evidence-title" }, w.evidence), list);
    }
    const issues = pairIssuesOf(this.model);
    if (issues.length > 0) {
      const list = h("ul", { class: "evidence pair-issues", "aria-labelledby": "pair-issues-title" });
      for (const issue of issues) {
        list.append(h("li", { class: `pair-issue sev-${issue.severity}`, "data-id": issue.id }, h("code", {}, issue.id), ` ${issue.message[this.language]}`));
        for (const e of issue.evidence) list.append(this.evidenceItem(e));
      }
      section.append(h("h3", { id: "pair-issues-title" }, w.pairIssues), list);
    }
    const fixes = verdict.fixes[this.language];
    if (fixes.length > 0) {
      section.append(
        h("details", { class: "fixes" }, h("summary", {}, fill(w.fixesCount, fixes.length)), h("ol", {}, ...fixes.map((f) => h("li", {}, f)))),
      );
    }
    return section;
  }

  /** One evidence line: where it is (a link that opens it), then the entry cut to the width. */
  private evidenceItem(e: EvidenceLine): HTMLLIElement {
    const side = this.model.sides[e.sideIndex]!;
    const file = (this.fileNames[e.sideIndex] ?? side.file).replace(/^.*[\\/]/, "");
    const link = h(
      "button",
      { class: "link", type: "button", title: this.words.open, "data-side-index": e.sideIndex, "data-line": e.line, "data-column": e.column },
      `${sideName(this.model, e.sideIndex, this.language)} ${e.clock} · ${file}:${e.line + 1}:${e.column + 1}`,
    );
    link.addEventListener("click", () => reveal(e.sideIndex, e.line, e.column));
    // The whole entry is in the tooltip and the accessible text.
    return h("li", {}, link, h("code", { class: "entry-text", title: e.text }, e.text));
  }

  // ---- chart ---------------------------------------------------------------------------------

  private renderLegend(): HTMLElement {
    const w = this.words;
    const swatch = (cls: string, label: string) =>
      h("li", {}, svgSwatch(cls), label);
    return h(
      "ul",
      { class: "legend", "aria-label": w.legend },
      swatch("mark sev-error notable", w.severity.error),
      swatch("mark sev-warning notable", w.severity.warning),
      swatch("mark sev-none notable", w.keyEvent),
      swatch("mark sev-none", w.ordinaryEntry),
      swatch("ring", w.evidenceMark),
      swatch("phase phase-send", w.phase.send),
      swatch("phase phase-receive", w.phase.receive),
      swatch("wait", w.waiting),
      anchorOf(this.model) === null ? null : swatch("anchor", w.anchorLine),
    );
  }

  private omittedNote(): HTMLElement | null {
    const omitted = this.model.sides[0].omittedEntries + this.model.sides[1].omittedEntries;
    return omitted === 0 ? null : h("p", { class: "muted help" }, fill(this.words.omitted, omitted));
  }

  private get height(): number {
    return TOP + 2 * LANE_HEIGHT + LANE_GAP + AXIS_HEIGHT;
  }

  /** Builds the SVG for the current lane order; `domain` is the stretch of time to show (null: all). */
  private buildChart(domain: readonly [number, number] | null): void {
    const w = this.words;
    this.width = Math.max(480, Math.floor(this.chartBox.clientWidth || 900));
    const height = this.height;
    const svg = s("svg", {
      class: "timeline",
      width: this.width,
      height,
      viewBox: `0 0 ${this.width} ${height}`,
      role: "group",
      "aria-label": w.chart,
      "aria-describedby": "zoom-help",
    });
    this.clipRect = s("rect", { x: LEFT, y: 0, width: this.width - LEFT - RIGHT, height });
    svg.append(
      s(
        "defs",
        {},
        s("clipPath", { id: "plot-clip" }, this.clipRect),
        s("pattern", { id: "wait-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
          s("rect", { class: "hatch-bg", width: 6, height: 6 }),
          s("line", { class: "hatch", x1: 0, y1: 0, x2: 0, y2: 6 }),
        ),
      ),
    );
    this.lanes = laneOrder(this.view.swapped).map((sideIndex, laneIndex) => this.buildLane(svg, sideIndex, laneIndex));
    const anchor = anchorOf(this.model);
    this.anchorLine = undefined;
    if (anchor !== null) {
      this.anchorLine = s("path", { class: "anchor-line", "aria-hidden": "true" });
      svg.append(s("g", { "clip-path": "url(#plot-clip)" }, this.anchorLine));
    }
    this.axis = s("g", { class: "axis", transform: `translate(0, ${TOP + 2 * LANE_HEIGHT + LANE_GAP + 2})`, "aria-hidden": "true" });
    svg.append(this.axis);
    this.axisCaption.textContent = fill(w.axis, laneLabel(this.model, laneOrder(this.view.swapped)[0]!, this.language));
    this.svg = svg;
    this.chartBox.replaceChildren(svg);

    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .on("zoom", (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.scheduleLayout();
      });
    select(svg).call(this.zoomBehavior).on("dblclick.zoom", null);
    svg.addEventListener("keydown", (event) => this.onChartKey(event));
    this.updateExtent(domain);
  }

  private buildLane(svg: SVGSVGElement, sideIndex: number, laneIndex: number): Lane {
    const w = this.words;
    const side = this.model.sides[sideIndex]!;
    const top = TOP + laneIndex * (LANE_HEIGHT + LANE_GAP);
    const label = laneLabel(this.model, sideIndex, this.language);
    const file = this.fileNames[sideIndex] ?? side.file;
    const group = s("g", {
      class: `lane lane-${laneIndex}`,
      role: "group",
      "aria-label": `${w.lane} ${laneIndex + 1}: ${label}, ${file}`,
      "data-side-index": sideIndex,
      "data-lane": laneIndex,
    });
    const times = side.events.map((e) => e.time);
    const range = times.length === 0 ? "" : `${clockText(Math.min(...times))}–${clockText(Math.max(...times))}`;
    // One line: `Side A · receiving  sideA-lgr-receive.txt  23:26:58–23:27:18 (own clock)`.
    const room = Math.floor((this.width - LEFT - RIGHT - textWidth(label) * 1.15) / CHAR_WIDTH) - 4;
    const clock = range === "" ? "" : `${range} (${w.ownClock})`;
    const base = file.replace(/^.*[\\/]/, "");
    const details = room >= base.length + 5 + clock.length ? `${base}  ·  ${clock}` : ellipsize(base, Math.max(8, room));
    group.append(
      s("rect", { class: "lane-bg", x: 0, y: top, width: this.width, height: LANE_HEIGHT, rx: 2 }),
      s("text", { class: "lane-label", x: LEFT, y: top + LABEL_Y }, label, s("tspan", { class: "lane-file", dx: 12 }, svgTitle(file), details)),
    );
    const plot = s("g", { "clip-path": "url(#plot-clip)" });
    group.append(plot);

    const phases: Lane["phases"] = [];
    const waits: Lane["waits"] = [];
    for (const phase of side.phases) {
      const text = phaseLabel(phase, this.language);
      const rect = s("rect", { class: `phase phase-${phase.kind} outcome-${phase.outcome ?? "none"}`, y: top + PHASE_Y, height: PHASE_HEIGHT, rx: 3 }, svgTitle(`${text}: ${clockText(phase.start)}–${clockText(phase.end)}`));
      const labelText = s("text", { class: "phase-label", y: top + PHASE_Y + 13 }, text);
      plot.append(rect, labelText);
      phases.push({ rect, label: labelText, start: phase.start, end: phase.end, text });
      if (phase.waitStart !== null && phase.waitEnd !== null) {
        const waitText = `${w.waiting} · ${formatSeconds(phase.waitEnd - phase.waitStart, this.language)}`;
        const waitRect = s("rect", { class: "wait", y: top + WAIT_Y, height: WAIT_HEIGHT }, svgTitle(`${waitText}: ${clockText(phase.waitStart)}–${clockText(phase.waitEnd)}`));
        const waitLabel = s("text", { class: "wait-label", y: top + WAIT_Y + 11 }, waitText);
        plot.append(waitRect, waitLabel);
        waits.push({ rect: waitRect, label: waitLabel, start: phase.waitStart, end: phase.waitEnd, text: waitText });
      }
    }

    const sorted = [...side.events].sort((p, q) => p.time - q.time || p.entryIndex - q.entryIndex);
    const marks: Mark[] = sorted.map((event) => {
      const notable = isNotable(event);
      const evidence = this.evidenceKeys.has(`${sideIndex}:${event.entryIndex}`);
      const priority = markPriority(event, evidence);
      const element = s("g", {
        class: `mark sev-${event.severity ?? "none"}${notable ? " notable" : ""}${evidence ? " evidence" : ""} kind-${event.kind}`,
        // Key events and findings are tab stops; the arrow keys reach every mark.
        tabindex: notable ? 0 : -1,
        role: "button",
        "aria-label": "",
        "data-side-index": sideIndex,
        "data-entry-index": event.entryIndex,
        "data-line": event.line,
        "data-column": event.column,
      });
      if (evidence) element.append(s("circle", { class: "ring", r: NOTABLE_RADIUS + 3 }));
      element.append(s("circle", { class: "dot", r: notable ? NOTABLE_RADIUS : ENTRY_RADIUS }), svgTitle(""));
      element.addEventListener("click", () => reveal(sideIndex, event.line, event.column));
      element.addEventListener("keydown", (e) => this.onMarkKey(e, sideIndex, event));
      element.addEventListener("focus", () => this.ensureVisible(sideIndex, event));
      return { sideIndex, event, priority, element };
    });
    plot.append(...marks.map((m) => m.element));
    svg.append(group);
    return { sideIndex, top, marks, phases, waits };
  }

  /** Recomputes the axis for the current offset and shows `domain` (or everything). */
  private updateExtent(domain: readonly [number, number] | null): void {
    if (this.svg === undefined || this.zoomBehavior === undefined) return;
    const [min, max] = timeExtent(this.model, this.view);
    const right = this.width - RIGHT;
    this.baseX = scaleLinear().domain([min, max]).range([LEFT, right]);
    const maxScale = Math.max(1, (max - min) / 0.5);
    this.zoomBehavior
      .extent([[LEFT, 0], [right, this.height]])
      .translateExtent([[LEFT, 0], [right, this.height]])
      .scaleExtent([1, maxScale]);
    this.refreshLabels();
    this.showDomain(domain);
  }

  private showDomain(domain: readonly [number, number] | null): void {
    if (this.svg === undefined || this.zoomBehavior === undefined) return;
    let transform = zoomIdentity;
    if (domain !== null) {
      const [r0, r1] = this.baseX.range() as [number, number];
      const b0 = this.baseX(domain[0]);
      const b1 = this.baseX(domain[1]);
      const k = (r1 - r0) / Math.max(1e-9, b1 - b0);
      if (k > 1.0001) transform = zoomIdentity.translate(r0 - k * b0, 0).scale(k);
    }
    select(this.svg).call(this.zoomBehavior.transform, transform);
    this.layout();
  }

  /** The stretch of time shown, or null when not zoomed in. */
  private visibleDomain(): [number, number] | null {
    if (this.transform.k <= 1.0001) return null;
    const x = this.transform.rescaleX(this.baseX);
    return x.domain() as [number, number];
  }

  private fit(): void {
    this.showDomain(null);
  }

  private zoomBy(factor: number, at?: [number, number]): void {
    if (this.svg === undefined || this.zoomBehavior === undefined) return;
    select(this.svg).call(this.zoomBehavior.scaleBy, factor, at ?? [(LEFT + this.width - RIGHT) / 2, 0]);
  }

  private onResize(): void {
    const width = Math.max(480, Math.floor(this.chartBox.clientWidth || 900));
    if (Math.abs(width - this.width) < 2) return;
    const focused = document.activeElement instanceof SVGGElement ? document.activeElement : null;
    const key = focused === null ? null : `${focused.dataset.sideIndex}:${focused.dataset.entryIndex}`;
    this.buildChart(this.visibleDomain());
    if (key !== null) this.markElement(key)?.focus();
  }


  /** Labels that depend on the offset (aligned times in the marks' names). */
  private refreshLabels(): void {
    for (const lane of this.lanes) {
      const shift = laneShift(lane.sideIndex, this.view.offsetSeconds, this.view.swapped);
      for (const mark of lane.marks) {
        const label = eventAccessibleLabel(this.model, { sideIndex: mark.sideIndex, alignedTime: mark.event.time + shift, event: mark.event }, this.language);
        mark.element.setAttribute("aria-label", label);
        const title = mark.element.querySelector("title");
        if (title !== null) title.textContent = label;
      }
    }
  }

  /** Positions everything for the current zoom and offset. */
  private layout(): void {
    if (this.axis === undefined) return;
    const x = this.transform.rescaleX(this.baseX);
    const [left, right] = [LEFT, this.width - RIGHT];
    const anchor = anchorOf(this.model);
    if (anchor !== null && this.anchorLine !== undefined) {
      const ax = x(anchor.time + laneShift(anchor.sideIndex, this.view.offsetSeconds, this.view.swapped)).toFixed(1);
      // Through both lanes, below their labels.
      const d = this.lanes.map((lane) => `M${ax} ${lane.top + PHASE_Y - 4}V${lane.top + LANE_HEIGHT}`).join("");
      this.anchorLine.setAttribute("d", d);
    }
    for (const lane of this.lanes) {
      const shift = laneShift(lane.sideIndex, this.view.offsetSeconds, this.view.swapped);
      placeSpans(lane.phases, x, shift, left, right);
      placeSpans(lane.waits, x, shift, left, right);
      const places = placeMarks(lane.marks.map((m) => ({ x: x(m.event.time + shift), priority: m.priority })), MARK_GAP, MAX_ROWS, markReach);
      lane.marks.forEach((mark, i) => {
        const place = places[i]!;
        const y = lane.top + MARKS_Y + place.row * ROW_HEIGHT;
        mark.element.setAttribute("transform", `translate(${place.x.toFixed(1)}, ${y})`);
        mark.element.classList.toggle("crowded", place.crowded);
        mark.element.classList.toggle("offscreen", place.x < left - 6 || place.x > right + 6);
      });
    }
    const ticks = Math.max(2, Math.floor((right - left) / 110));
    const tickValues = x.ticks(ticks);
    const step = tickValues.length > 1 ? tickValues[1]! - tickValues[0]! : 1;
    select(this.axis).call(
      axisBottom(x)
        .ticks(ticks)
        .tickFormat((t) => tickText(Number(t), step)),
    );
  }

  private markElement(key: string): SVGGElement | null {
    for (const lane of this.lanes) for (const m of lane.marks) if (`${m.sideIndex}:${m.event.entryIndex}` === key) return m.element;
    return null;
  }

  /** Pans so that a focused mark is on screen. */
  private ensureVisible(sideIndex: number, event: CompareEvent): void {
    const shift = laneShift(sideIndex, this.view.offsetSeconds, this.view.swapped);
    const x = this.transform.rescaleX(this.baseX);
    const px = x(event.time + shift);
    if (px >= LEFT && px <= this.width - RIGHT) return;
    if (this.svg === undefined || this.zoomBehavior === undefined) return;
    select(this.svg).call(this.zoomBehavior.translateBy, ((LEFT + this.width - RIGHT) / 2 - px) / this.transform.k, 0);
    // At once, not on the next frame: a hidden (off-screen) mark cannot take focus.
    this.layout();
  }

  private onMarkKey(e: KeyboardEvent, sideIndex: number, event: CompareEvent): void {
    const laneIndex = this.lanes.findIndex((l) => l.sideIndex === sideIndex);
    const lane = this.lanes[laneIndex];
    if (lane === undefined) return;
    const index = lane.marks.findIndex((m) => m.event === event);
    let target: Mark | undefined;
    switch (e.key) {
      case "Enter":
      case " ":
        e.preventDefault();
        reveal(sideIndex, event.line, event.column);
        return;
      case "ArrowRight":
        target = lane.marks[index + 1];
        break;
      case "ArrowLeft":
        target = lane.marks[index - 1];
        break;
      case "Home":
        target = lane.marks[0];
        break;
      case "End":
        target = lane.marks[lane.marks.length - 1];
        break;
      case "ArrowUp":
      case "ArrowDown": {
        const other = this.lanes[e.key === "ArrowUp" ? laneIndex - 1 : laneIndex + 1];
        if (other !== undefined) {
          const t = event.time + laneShift(sideIndex, this.view.offsetSeconds, this.view.swapped);
          const shift = laneShift(other.sideIndex, this.view.offsetSeconds, this.view.swapped);
          target = nearest(other.marks, (m) => Math.abs(m.event.time + shift - t));
        }
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (target === undefined) return;
    this.ensureVisible(target.sideIndex, target.event);
    target.element.focus();
  }

  private onChartKey(e: KeyboardEvent): void {
    const focused = document.activeElement;
    const at = (): [number, number] | undefined => {
      if (!(focused instanceof SVGGElement) || this.svg === undefined) return undefined;
      const match = /translate\(([-\d.]+)/.exec(focused.getAttribute("transform") ?? "");
      return match === null ? undefined : [Number(match[1]), 0];
    };
    if (e.key === "+" || e.key === "=") this.zoomBy(1.6, at());
    else if (e.key === "-" || e.key === "_") this.zoomBy(1 / 1.6, at());
    else if (e.key === "0") this.fit();
    else return;
    e.preventDefault();
  }

  // ---- list ----------------------------------------------------------------------------------

  private renderList(): HTMLElement {
    const w = this.words;
    const showAll = h("input", { type: "checkbox", id: "show-all" });
    showAll.checked = this.view.showAllRows;
    showAll.addEventListener("change", () => {
      this.view = { ...this.view, showAllRows: showAll.checked };
      this.saveView();
      this.renderRows();
    });
    const headers = [w.aligned, w.side, w.local, w.kindHeader, w.entry];
    return h(
      "section",
      { class: "list", "aria-labelledby": "list-title" },
      h("div", { class: "section-head" }, h("h2", { id: "list-title" }, w.list), h("label", { class: "check" }, showAll, w.showAll)),
      h("p", { id: "list-help", class: "muted help" }, w.listHelp),
      h(
        "table",
        { id: "events-table", "aria-labelledby": "list-title", "aria-describedby": "list-help" },
        h("colgroup", {}, ...["time", "side", "time", "event", "entry"].map((c) => h("col", { class: `col-${c}` }))),
        h("thead", {}, h("tr", {}, ...headers.map((text) => h("th", { scope: "col" }, text)))),
        this.tableBody,
      ),
    );
  }

  private renderRows(): void {
    const rows = timelineRows(this.model, this.view, this.view.showAllRows);
    const order = laneOrder(this.view.swapped);
    this.tableBody.replaceChildren(
      ...rows.map((row) => {
        const tr = h(
          "tr",
          {
            class: `sev-${row.event.severity ?? "none"} lane-${order.indexOf(row.sideIndex)}`,
            tabindex: 0,
            title: this.words.open,
            "data-side-index": row.sideIndex,
            "data-line": row.event.line,
            "data-column": row.event.column,
          },
          h("td", { class: "time" }, clockText(row.alignedTime)),
          h("td", {}, shortLabel(this.model, row.sideIndex, this.language)),
          h("td", { class: "time" }, row.event.clock),
          h("td", { class: "event" }, eventText(row.event, this.language)),
          h("td", { class: "entry" }, h("code", { class: "entry-text" }, row.event.text)),
        );
        tr.addEventListener("click", () => reveal(row.sideIndex, row.event.line, row.event.column));
        tr.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            reveal(row.sideIndex, row.event.line, row.event.column);
          } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const next = e.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling;
            if (next instanceof HTMLElement) next.focus();
          }
        });
        return tr;
      }),
    );
  }
}


function svgSwatch(cls: string): SVGSVGElement {
  const svg = s("svg", { class: "swatch", width: 22, height: 14, viewBox: "0 0 22 14", "aria-hidden": "true" });
  if (cls.startsWith("mark")) {
    svg.append(s("g", { class: cls }, s("circle", { class: "dot", cx: 11, cy: 7, r: cls.includes("notable") ? NOTABLE_RADIUS : ENTRY_RADIUS })));
  } else if (cls === "ring") {
    svg.append(s("g", { class: "mark evidence sev-error notable" }, s("circle", { class: "ring", cx: 11, cy: 7, r: 6 }), s("circle", { class: "dot", cx: 11, cy: 7, r: 3 })));
  } else if (cls === "anchor") {
    svg.append(s("line", { class: "anchor-line", x1: 11, x2: 11, y1: 0, y2: 14 }));
  } else if (cls === "wait") {
    svg.append(s("rect", { class: "wait swatch-wait", x: 1, y: 2, width: 20, height: 10 }));
  } else {
    svg.append(s("rect", { class: cls, x: 1, y: 2, width: 20, height: 10, rx: 2 }));
  }
  return svg;
}

/** `error · temporary file failed`, `RECEIVE started`, `warning`, or "" for a plain entry. */
function eventText(event: CompareEvent, language: Language): string {
  const severity = event.severity === null ? "" : severityLabel(event.severity, language);
  const kind = kindLabel(event.kind, language);
  return [severity, kind].filter((t) => t !== "").join(" · ");
}

function shortLabel(model: CompareModel, index: number, language: Language): string {
  return laneLabel(model, index, language).replace(/^(サイド|Side) /, "");
}

function nearest<T>(items: readonly T[], distance: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    const d = distance(item);
    if (d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

interface Span {
  readonly rect: SVGRectElement;
  readonly label: SVGTextElement;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Positions one band of spans (phases, or waits) and their labels: inside the span when it fits,
 * else just after it when that leaves the next span clear, else only in the span's tooltip.
 */
function placeSpans(spans: readonly Span[], x: (t: number) => number, shift: number, left: number, right: number): void {
  const boxes = spans
    .map((span) => {
      const x0 = x(span.start + shift);
      return { span, x0, x1: Math.max(x0 + 3, x(span.end + shift)) };
    })
    .sort((p, q) => p.x0 - q.x0);
  let lastEnd = -Infinity;
  boxes.forEach(({ span, x0, x1 }, i) => {
    span.rect.setAttribute("x", x0.toFixed(1));
    span.rect.setAttribute("width", (x1 - x0).toFixed(1));
    const width = textWidth(span.text);
    const next = boxes[i + 1]?.x0 ?? Infinity;
    const visibleStart = Math.max(x0, left);
    const visibleEnd = Math.min(x1, right);
    let labelX: number | null = null;
    if (visibleEnd - visibleStart >= width + 8) labelX = visibleStart + 4;
    else if (x1 + 4 + width <= Math.min(next - 4, right)) labelX = x1 + 4;
    if (labelX !== null && labelX < lastEnd + 4) labelX = null;
    span.label.classList.toggle("hidden", labelX === null);
    if (labelX !== null) {
      span.label.setAttribute("x", labelX.toFixed(1));
      lastEnd = labelX + width;
    }
  });
}

function tickText(t: number, step: number): string {
  const clock = clockText(Math.floor(t));
  if (step >= 1) return clock;
  const decimals = Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
  const fraction = (t - Math.floor(t)).toFixed(decimals).slice(1);
  return `${clock}${fraction}`;
}

function formatSeconds(seconds: number, language: Language): string {
  const rounded = Math.round(seconds);
  return language === "ja" ? `${rounded} 秒` : `${rounded} s`;
}

function reveal(sideIndex: number, line: number, column: number): void {
  vscode.postMessage({ type: "reveal", sideIndex, line, column });
}

// ---- start-up --------------------------------------------------------------------------------

const app = document.getElementById("app")!;
let current: TimelineView | undefined;
let currentUris: readonly [string, string] = vscode.getState()?.uris ?? ["", ""];

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  const message = event.data as ToWebview;
  switch (message.type) {
    case "model": {
      const saved = vscode.getState();
      const same = saved !== undefined && saved.uris[0] === message.result.uris[0] && saved.uris[1] === message.result.uris[1];
      currentUris = message.result.uris;
      current = new TimelineView(app, message.result, message.fileNames, same ? saved.view : undefined);
      app.removeAttribute("aria-busy");
      vscode.setState({ uris: currentUris, view: same ? saved.view : initialViewState(message.result.model) });
      break;
    }
    case "error":
      current = undefined;
      app.removeAttribute("aria-busy");
      app.replaceChildren(h("p", { class: "error", role: "alert" }, message.message));
      break;
    case "copied":
      current?.announce(TIMELINE_WORDS[document.documentElement.lang === "ja" ? "ja" : "en"].copied);
      break;
  }
});

vscode.postMessage({ type: "ready" });

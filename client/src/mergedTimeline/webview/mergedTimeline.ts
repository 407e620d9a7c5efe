// The merged timeline webview: the open traces as lanes on one time axis (corrected times), grouped
// by the clock they share, each group with its offset control; findings as marks, a followed
// call's entries, the Logger pair's verdict, and a window set by zooming, panning or typing.
// Runs in the browser; the data comes by postMessage and every text goes in as a text node.

import { axisTop } from "d3-axis";
import { scaleLinear, scaleUtc, type ScaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import { verdictTone } from "../../../../server/src/shared/compareModel";
import type { MergedTimeline, MergedTimelineCallMark, MergedTimelineGroup, MergedTimelineLane, MergedTimelineMark } from "../../../../server/src/shared/protocol";
import type { Language } from "../../../../server/src/shared/text";
import { fill, placeMarks, TIMELINE_WORDS } from "../../../../server/src/render/compareTimeline";
import {
  anchorText,
  callMarkLabel,
  clockLabel,
  durationText,
  findingCounts,
  laneSummary,
  markLabel,
  MERGED_TIMELINE_WORDS,
  MIN_WINDOW_SECONDS,
  OFFSET_NUDGES,
  offsetText,
  parseTimeText,
  rememberAutomatic,
  shortFileName,
  tickText,
  timelineExtent,
  timeText,
  unionWindow,
  windowText,
  withOffset,
  zoomWindow,
  type MergedTimelineState,
  type TimeWindow,
} from "../../../../server/src/render/mergedTimeline";
import { button, h, oncePerFrame, s, vscodeApi } from "../../timeline/webview/dom";
import type { FromWebview, ToWebview } from "../messages";

const vscode = vscodeApi<FromWebview, MergedTimelineState>();

// Geometry of a lane's plot, in CSS pixels.
const PAD = 10;
const LANE_HEIGHT = 46;
const SPAN_Y = 6;
const SPAN_HEIGHT = 10;
const MARK_ROWS = [27, 39] as const;
const MARK_GAP = 12;
const AXIS_HEIGHT = 24;
const SEVERITY_PRIORITY = { error: 3, warning: 2, information: 1 } as const;

/** The label column's width: a fifth of the view, within bounds. */
function labelWidth(total: number): number {
  return Math.round(Math.min(240, Math.max(150, total * 0.2)));
}

interface LaneView {
  readonly index: number;
  lane: MergedTimelineLane;
  readonly svg: SVGSVGElement;
  readonly grid: SVGPathElement;
  readonly span: SVGRectElement;
  readonly ticks: SVGPathElement;
  /** Where the lane's entries are when the window holds none of them. */
  readonly offWindow: SVGTextElement;
  readonly marks: { readonly mark: MergedTimelineMark; readonly element: SVGGElement }[];
  readonly calls: { readonly mark: MergedTimelineCallMark; readonly element: SVGGElement }[];
}

interface GroupView {
  group: MergedTimelineGroup;
  readonly section: HTMLElement;
  readonly toggle: HTMLButtonElement;
  readonly count: HTMLElement;
  readonly input: HTMLInputElement;
  readonly offset: HTMLElement;
  readonly anchor: HTMLElement;
  readonly automatic: HTMLButtonElement;
  readonly lanesBox: HTMLElement;
}

class MergedTimelineView {
  private timeline: MergedTimeline;
  private language: Language;
  private state: MergedTimelineState;
  private readonly shape: string;

  private readonly chartBox: HTMLElement;
  private readonly axisSvg: SVGSVGElement;
  private readonly axisGroup: SVGGElement;
  private readonly axisCaption: HTMLElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly windowTextElement: HTMLElement;
  private readonly status: HTMLElement;
  private readonly verdictBox: HTMLElement;
  private readonly callBox: HTMLElement;
  private readonly groups: GroupView[] = [];
  private lanes: LaneView[] = [];

  private width = 0;
  private extent: TimeWindow = [0, 1];
  private base: ScaleLinear<number, number> = scaleLinear();
  private x: ScaleLinear<number, number> = scaleLinear();
  private readonly zoomBehavior: ZoomBehavior<HTMLElement, unknown>;
  /** Lays the chart out again once in the next frame (resizes come many a frame). */
  private readonly scheduleLayout = oncePerFrame(() => this.layout());
  private offsetTimer: number | undefined;

  constructor(root: HTMLElement, timeline: MergedTimeline, state: MergedTimelineState) {
    this.timeline = timeline;
    this.language = timeline.language;
    this.state = state;
    this.shape = shapeOf(timeline);
    const w = this.words;
    document.documentElement.lang = this.language;
    document.title = w.title;

    this.fromInput = h("input", { id: "window-from", type: "text", class: "time-input", spellcheck: "false", "aria-label": w.from });
    this.toInput = h("input", { id: "window-to", type: "text", class: "time-input", spellcheck: "false", "aria-label": w.to });
    this.windowTextElement = h("span", { id: "window-text", class: "window-text" });
    this.status = h("p", { id: "status", class: "status", role: "status", "aria-live": "polite" });
    this.verdictBox = h("div", { id: "verdict-box" });
    this.callBox = h("div", { id: "call-box" });
    this.axisCaption = h("div", { class: "axis-caption muted" });
    this.axisGroup = s("g", { class: "axis", transform: `translate(0, ${AXIS_HEIGHT - 1})` });
    this.axisSvg = s("svg", { class: "axis-svg", height: AXIS_HEIGHT, "aria-hidden": "true" }, this.axisGroup);
    this.chartBox = h("div", { class: "chart-box" });

    for (const input of [this.fromInput, this.toInput]) {
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") this.showTypedWindow();
      });
    }
    root.replaceChildren(
      this.renderToolbar(),
      this.verdictBox,
      this.callBox,
      h(
        "section",
        { class: "chart", "aria-label": w.title },
        this.chartBox,
      ),
      this.renderLegend(),
      this.status,
    );
    this.renderGroups();
    this.renderVerdict();
    this.renderCall();

    this.zoomBehavior = zoom<HTMLElement, unknown>()
      // Drag anywhere on a plot pans; the wheel zooms only with Ctrl (a pinch): it scrolls the lanes otherwise.
      .filter((event: Event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (target === null || target.closest("svg.lane-plot, svg.axis-svg") === null) return false;
        if (event.type === "wheel") return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        return !(event as MouseEvent).button;
      })
      .on("zoom", (event: D3ZoomEvent<HTMLElement, unknown>) => this.onZoom(event.transform, event.sourceEvent !== null && event.sourceEvent !== undefined));
    select(this.chartBox).call(this.zoomBehavior).on("dblclick.zoom", null);
    new ResizeObserver(() => this.resize()).observe(this.chartBox);
    this.resize();
  }

  private get words() {
    return MERGED_TIMELINE_WORDS[this.language];
  }

  /** Whether a new merge of the same traces can be shown in this view (same lanes in the same groups). */
  fits(timeline: MergedTimeline): boolean {
    return shapeOf(timeline) === this.shape;
  }

  /** A new merge of the same traces: offsets, marks and the verdict change; what the user typed stays. */
  update(timeline: MergedTimeline, state: MergedTimelineState): void {
    this.timeline = timeline;
    this.language = timeline.language;
    this.state = state;
    this.chartBox.classList.remove("busy");
    this.status.textContent = "";
    timeline.groups.forEach((group, i) => {
      const view = this.groups[i]!;
      view.group = group;
      this.updateGroup(view);
    });
    this.lanes.forEach((lane) => this.fillLane(lane, timeline.lanes[lane.index]!));
    this.renderVerdict();
    this.renderCall();
    this.setWindow(this.state.window);
  }

  busy(): void {
    this.chartBox.classList.add("busy");
    this.status.textContent = this.words.merging;
  }

  // ---- toolbar -------------------------------------------------------------------------------

  private renderToolbar(): HTMLElement {
    const w = this.words;
    const t = TIMELINE_WORDS[this.language];
    const show = button("window-show", w.show, w.show, () => this.showTypedWindow());
    return h(
      "header",
      { class: "toolbar" },
      h("h1", {}, w.title, " ", h("span", { class: "muted subtitle" }, fill(w.traces, this.timeline.lanes.length))),
      h(
        "div",
        { class: "window-controls", role: "group", "aria-label": w.window },
        h("span", { class: "label" }, w.window),
        this.fromInput,
        h("span", { "aria-hidden": "true" }, "–"),
        this.toInput,
        show,
        h(
          "span",
          { class: "zoom-buttons" },
          button("zoom-in", t.zoomIn, "+", () => this.zoomBy(2)),
          button("zoom-out", t.zoomOut, "−", () => this.zoomBy(0.5)),
          button("zoom-fit", t.zoomReset, t.zoomReset, () => this.setWindow(null)),
        ),
        this.windowTextElement,
      ),
      h("p", { class: "muted help" }, w.windowHelp),
    );
  }

  private showTypedWindow(): void {
    const [from, to] = this.currentWindow();
    const a = parseTimeText(this.fromInput.value, from);
    const b = parseTimeText(this.toInput.value, to);
    this.fromInput.toggleAttribute("aria-invalid", a === null);
    this.toInput.toggleAttribute("aria-invalid", b === null || (a !== null && b <= a));
    if (a === null || b === null || b <= a) {
      this.announce(this.words.badTime);
      return;
    }
    this.setWindow([a, b]);
  }

  private zoomBy(factor: number): void {
    this.setWindow(zoomWindow(this.currentWindow(), factor, this.extent));
  }

  // ---- groups and lanes ----------------------------------------------------------------------

  private renderGroups(): void {
    const w = this.words;
    this.axisCaption.textContent = fill(w.axis, clockLabel(this.timeline.groups[0]?.clock ?? "", this.language));
    const axisRow = h("div", { class: "axis-row" }, this.axisCaption, this.axisSvg);
    const sections = this.timeline.groups.map((group, i) => this.renderGroup(group, i));
    this.chartBox.replaceChildren(axisRow, ...sections);
  }

  private renderGroup(group: MergedTimelineGroup, index: number): HTMLElement {
    const w = this.words;
    const name = clockLabel(group.clock, this.language);
    const lanesBox = h("div", { class: "group-lanes", id: `group-lanes-${index}` });
    const toggle = h("button", { type: "button", class: "group-toggle", "aria-controls": lanesBox.id }, h("span", { class: "chevron", "aria-hidden": "true" }), h("span", { class: "group-name" }, name));
    const count = h("span", { class: "group-count muted" });
    const inputId = `offset-${index}`;
    const input = h("input", { id: inputId, class: "offset-input", type: "number", step: "1", title: w.offsetHelp });
    const offset = h("span", { class: "offset-text muted" });
    const anchor = h("span", { class: "anchor-text muted" });
    const automatic = button(`offset-auto-${index}`, w.automaticHelp, w.automaticButton, () => this.setOffset(group.clock, null));
    automatic.classList.add("offset-auto");
    const nudges = OFFSET_NUDGES.map((seconds) => {
      const b = button(`nudge-${index}-${seconds}`, w.nudge[String(seconds)]!, seconds < 0 ? (seconds === -60 ? "−1m" : "−1s") : seconds === 60 ? "+1m" : "+1s", () => this.nudge(group.clock, seconds));
      b.classList.add("nudge");
      b.dataset.seconds = String(seconds);
      return b;
    });
    input.addEventListener("input", () => {
      const value = Number.parseFloat(input.value);
      if (!Number.isFinite(value)) return;
      // While typing: merge once the typing stops.
      window.clearTimeout(this.offsetTimer);
      this.offsetTimer = window.setTimeout(() => this.setOffset(group.clock, value), 400);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      const value = Number.parseFloat(input.value);
      window.clearTimeout(this.offsetTimer);
      if (Number.isFinite(value)) this.setOffset(group.clock, value);
    });
    const section = h(
      "section",
      { class: "group", "data-clock": group.clock, "aria-label": name },
      h(
        "div",
        { class: "group-head" },
        h("div", { class: "group-title" }, toggle, count),
        h(
          "div",
          { class: "offset", role: "group", "aria-label": `${w.offset}: ${name}` },
          h("label", { for: inputId }, w.offset),
          nudges[0]!,
          nudges[1]!,
          input,
          nudges[2]!,
          nudges[3]!,
          h("span", { class: "unit" }, w.seconds),
          offset,
          anchor,
          automatic,
        ),
      ),
      lanesBox,
    );
    toggle.addEventListener("click", () => this.toggleGroup(group.clock));
    const view: GroupView = { group, section, toggle, count, input, offset, anchor, automatic, lanesBox };
    this.groups.push(view);
    for (const laneIndex of group.lanes) lanesBox.append(this.renderLane(laneIndex));
    this.updateGroup(view);
    return section;
  }

  private updateGroup(view: GroupView): void {
    const w = this.words;
    const { group } = view;
    const collapsed = this.state.collapsed.includes(group.clock);
    const name = clockLabel(group.clock, this.language);
    view.section.classList.toggle("collapsed", collapsed);
    view.section.dataset.anchor = group.anchor;
    view.section.dataset.offset = String(group.offsetSeconds);
    view.toggle.setAttribute("aria-expanded", String(!collapsed));
    view.toggle.title = fill(collapsed ? w.showLanes : w.hideLanes, name);
    view.lanesBox.hidden = collapsed;
    const marks = group.lanes.flatMap((i) => this.timeline.lanes[i]!.marks);
    view.count.textContent = [group.lanes.length === 1 ? w.lane : fill(w.lanes, group.lanes.length), findingCounts(marks, this.language)].filter((t) => t !== "").join(" · ");
    // What the user is typing stays as typed.
    if (document.activeElement !== view.input) view.input.value = String(Math.round(group.offsetSeconds * 1000) / 1000);
    view.offset.textContent = `= ${offsetText(group.offsetSeconds, this.language)}`;
    view.anchor.textContent = anchorText(group, this.language, this.state.automatic?.[group.clock]);
    view.automatic.disabled = this.state.offsets[group.clock] === undefined;
  }

  private toggleGroup(clock: string): void {
    const collapsed = this.state.collapsed.includes(clock) ? this.state.collapsed.filter((c) => c !== clock) : [...this.state.collapsed, clock];
    this.saveState({ collapsed });
    for (const view of this.groups) if (view.group.clock === clock) this.updateGroup(view);
    this.scheduleLayout();
  }

  private nudge(clock: string, seconds: number): void {
    const group = this.timeline.groups.find((g) => g.clock === clock);
    if (group === undefined) return;
    // Nudges made before the last merge came back add up.
    const current = this.state.offsets[clock] ?? group.offsetSeconds;
    this.setOffset(clock, Math.round((current + seconds) * 1000) / 1000);
  }

  private setOffset(clock: string, seconds: number | null): void {
    window.clearTimeout(this.offsetTimer);
    const offsets = withOffset(this.state.offsets, clock, seconds);
    this.saveState({ offsets });
    vscode.postMessage({ type: "offsets", offsets });
    this.busy();
  }

  private renderLane(index: number): HTMLElement {
    const lane = this.timeline.lanes[index]!;
    const svg = s("svg", { class: "lane-plot", height: LANE_HEIGHT, role: "group", "aria-label": lane.name });
    const grid = s("path", { class: "grid", "aria-hidden": "true" });
    const span = s("rect", { class: "span", y: SPAN_Y, height: SPAN_HEIGHT, rx: 3 });
    const ticks = s("path", { class: "ticks", "aria-hidden": "true" });
    const offWindow = s("text", { class: "off-window", y: SPAN_Y + SPAN_HEIGHT - 1 });
    svg.append(grid, span, ticks, offWindow);
    const view: LaneView = { index, lane, svg, grid, span, ticks, offWindow, marks: [], calls: [] };
    this.lanes.push(view);
    const element = h(
      "div",
      { class: "lane", "data-lane": index, "data-name": lane.name },
      h(
        "div",
        { class: "lane-label" },
        h("div", { class: "lane-name", title: lane.name }, lane.name),
        h("div", { class: "lane-file muted", title: lane.file }, shortFileName(lane.file)),
        h("div", { class: "lane-summary muted" }),
      ),
      svg,
    );
    this.fillLane(view, lane);
    return element;
  }

  /** Puts a lane's marks and call marks in (again, after a merge). */
  private fillLane(view: LaneView, lane: MergedTimelineLane): void {
    view.lane = lane;
    for (const m of view.marks) m.element.remove();
    for (const c of view.calls) c.element.remove();
    view.marks.length = 0;
    view.calls.length = 0;
    const summary = view.svg.parentElement?.querySelector(".lane-summary");
    if (summary) {
      summary.textContent = laneSummary(lane, this.language);
      if (lane.omittedMarks > 0) summary.append(h("div", {}, fill(this.words.omitted, lane.omittedMarks)));
    }
    for (const mark of lane.marks) {
      const element = s(
        "g",
        {
          class: `mark sev-${mark.severity}`,
          tabindex: 0,
          role: "button",
          "aria-label": markLabel(mark, lane, this.language),
          "data-code": mark.code,
          "data-line": mark.line,
          "data-column": mark.column,
          "data-time": mark.time,
        },
        markShape(mark.severity),
      );
      this.interactive(element, () => markLabel(mark, lane, this.language), () => tooltipOf(mark, lane, this.language), () => reveal(view.index, mark.line, mark.column));
      view.marks.push({ mark, element });
    }
    const calls = this.timeline.callMarks.filter((c) => c.lane === view.index);
    for (const mark of calls) {
      const element = s(
        "g",
        { class: "call-mark", tabindex: 0, role: "button", "aria-label": callMarkLabel(mark, lane, this.language), "data-line": mark.line, "data-column": mark.column, "data-time": mark.time },
        s("line", { class: "call-line", y1: 1, y2: LANE_HEIGHT - 1 }),
        s("rect", { class: "call-dot", x: -4, y: SPAN_Y + SPAN_HEIGHT / 2 - 4, width: 8, height: 8, transform: `rotate(45 0 ${SPAN_Y + SPAN_HEIGHT / 2})` }),
      );
      this.interactive(element, () => callMarkLabel(mark, lane, this.language), () => [[this.words.callEntry], [mark.text], [`${lane.name} · ${timeText(mark.time)} · ${shortFileName(lane.file)}:${mark.line + 1}`]], () => reveal(view.index, mark.line, mark.column));
      view.calls.push({ mark, element });
    }
    // Calls under the marks: a finding stays the thing to click.
    view.svg.append(...view.calls.map((c) => c.element), ...view.marks.map((m) => m.element));
  }

  /** Click or Enter opens; hover or focus shows the tooltip. */
  private interactive(element: SVGGElement, label: () => string, tip: () => string[][], open: () => void): void {
    element.addEventListener("click", open);
    element.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open();
      }
    });
    element.addEventListener("mouseenter", () => showTooltip(element, tip()));
    element.addEventListener("focus", () => showTooltip(element, tip()));
    element.addEventListener("mouseleave", hideTooltip);
    element.addEventListener("blur", hideTooltip);
    element.setAttribute("aria-label", label());
  }

  // ---- verdict and call ----------------------------------------------------------------------

  private renderVerdict(): void {
    const verdict = this.timeline.verdict;
    if (verdict === null) {
      this.verdictBox.replaceChildren();
      return;
    }
    const t = TIMELINE_WORDS[this.language];
    const [a, b] = verdict.lanes.map((i) => this.timeline.lanes[i]!.name);
    const open = button("open-compare", this.words.openCompare, this.words.openCompare, () => vscode.postMessage({ type: "openCompare" }));
    const section = h(
      "section",
      { id: "verdict", class: `verdict verdict-${verdictTone(verdict.code)}`, "data-code": verdict.code, "aria-labelledby": "verdict-title" },
      h("div", { class: "verdict-head" }, h("h2", { id: "verdict-title" }, `${t.verdict}: `, h("code", {}, verdict.code)), open),
      h("p", { class: "muted pair" }, fill(this.words.pair, a ?? "", b ?? "")),
      h("p", { class: "summary" }, verdict.summary),
    );
    if (verdict.evidence.length > 0) {
      const list = h("ul", { class: "evidence", "aria-labelledby": "evidence-title" });
      for (const e of verdict.evidence) {
        const lane = this.timeline.lanes[e.lane]!;
        const link = h("button", { class: "link", type: "button", title: t.open }, `${lane.name} ${e.clock} · ${shortFileName(lane.file)}:${e.line + 1}:${e.column + 1}`);
        link.addEventListener("click", () => reveal(e.lane, e.line, e.column));
        list.append(h("li", {}, link, h("code", { class: "entry-text", title: e.text }, e.text)));
      }
      // Folded: the lanes below are what this view is for; the A/B timeline shows the evidence in full.
      section.append(h("details", { class: "evidence-box" }, h("summary", { id: "evidence-title" }, fill(this.words.evidenceCount, verdict.evidence.length)), list));
    }
    this.verdictBox.replaceChildren(section);
  }

  private renderCall(): void {
    const marks = this.timeline.callMarks;
    if (marks.length === 0) {
      this.callBox.replaceChildren();
      return;
    }
    const w = this.words;
    const lanes = new Set(marks.map((m) => m.lane)).size;
    const zoomTo = button("zoom-call", w.zoomToCall, w.zoomToCall, () => {
      const from = marks[0]!.time;
      const to = marks[marks.length - 1]!.time;
      const pad = Math.max(1, (to - from) * 0.1);
      this.setWindow([from - pad, to + pad]);
    });
    const clear = button("clear-call", w.clearCall, w.clearCall, () => vscode.postMessage({ type: "clearCall" }));
    this.callBox.replaceChildren(h("div", { class: "call-bar", id: "call-bar" }, h("span", { class: "call-swatch", "aria-hidden": "true" }), h("span", {}, fill(w.call, marks.length, lanes)), zoomTo, clear));
  }

  private renderLegend(): HTMLElement {
    const w = this.words;
    const t = TIMELINE_WORDS[this.language];
    const swatch = (content: SVGElement, label: string) => h("li", {}, s("svg", { class: "swatch", width: 22, height: 16, viewBox: "-11 -8 22 16", "aria-hidden": "true" }, content), label);
    return h(
      "ul",
      { class: "legend", "aria-label": t.legend },
      swatch(s("g", { class: "mark sev-error" }, markShape("error")), t.severity.error),
      swatch(s("g", { class: "mark sev-warning" }, markShape("warning")), t.severity.warning),
      swatch(s("g", { class: "mark sev-information" }, markShape("information")), t.severity.information),
      swatch(s("rect", { class: "span", x: -10, y: -5, width: 20, height: 10, rx: 3 }), w.legendSpan),
      swatch(s("path", { class: "ticks", d: "M-6 -6V6M-2 -6V6M3 -6V6M7 -6V6" }), w.legendEntries),
      swatch(s("g", { class: "call-mark" }, s("line", { class: "call-line", y1: -8, y2: 8 }), s("rect", { class: "call-dot", x: -4, y: -4, width: 8, height: 8, transform: "rotate(45)" })), w.legendCall),
    );
  }

  // ---- the axis, zoom and layout ---------------------------------------------------------------

  private currentWindow(): TimeWindow {
    const [from, to] = this.x.domain() as [number, number];
    return [from, to];
  }

  private get plotLeft(): number {
    return labelWidth(this.width);
  }

  private resize(): void {
    const width = Math.floor(this.chartBox.clientWidth);
    if (width <= 0) return;
    this.width = width;
    const left = this.plotLeft;
    this.chartBox.style.setProperty("--label-width", `${left}px`);
    const plotWidth = Math.max(60, width - left);
    for (const lane of this.lanes) lane.svg.setAttribute("width", String(plotWidth));
    this.axisSvg.setAttribute("width", String(plotWidth));
    this.zoomBehavior.extent([
      [left + PAD, 0],
      [width - PAD, 1],
    ]);
    this.setWindow(this.state.window);
  }

  /** Shows `window` (null: everything), on an axis that covers the data and the window. */
  private setWindow(window: TimeWindow | null): void {
    if (this.width <= 0) return;
    const data = timelineExtent(this.timeline);
    this.extent = window === null ? data : unionWindow(data, window);
    const left = this.plotLeft + PAD;
    const right = this.width - PAD;
    this.base = scaleLinear().domain(this.extent).range([left, right]);
    const full = this.extent[1] - this.extent[0];
    this.zoomBehavior.scaleExtent([1, Math.max(1, full / MIN_WINDOW_SECONDS)]).translateExtent([
      [left, -Infinity],
      [right, Infinity],
    ]);
    select(this.chartBox).call(this.zoomBehavior.transform, window === null ? zoomIdentity : transformFor(this.base, window));
  }

  private onZoom(transform: ZoomTransform, byUser: boolean): void {
    this.x = transform.rescaleX(this.base);
    const fitted = transform.k === 1 && Math.abs(transform.x) < 0.5;
    const window: TimeWindow | null = fitted ? null : this.currentWindow();
    if (byUser || !sameWindow(window, this.state.window)) this.saveState({ window });
    this.scheduleLayout();
  }


  private layout(): void {
    const left = this.plotLeft;
    const plotWidth = this.width - left;
    const x = (t: number) => this.x(t) - left;
    const [from, to] = this.currentWindow();
    // Ticks at whole seconds, minutes, hours as a clock has them (d3's UTC time ticks: a time of
    // day without a date is a time of the epoch's first day), each label wholly inside the plot.
    const ticksCount = Math.max(2, Math.floor(plotWidth / 120));
    const tickValues = scaleUtc()
      .domain([new Date(from * 1000), new Date(to * 1000)])
      .ticks(ticksCount)
      .map((d) => d.getTime() / 1000);
    const step = tickValues.length > 1 ? tickValues[1]! - tickValues[0]! : 1;
    const labelled = tickValues.filter((t) => {
      const half = (tickText(t, step).length * 6.6) / 2;
      return x(t) - half >= 0 && x(t) + half <= plotWidth;
    });
    const axisScale = this.x.copy().range(this.x.range().map((r) => r - left));
    select(this.axisGroup).call(
      axisTop(axisScale)
        .tickValues(labelled)
        .tickFormat((t) => tickText(Number(t), step)),
    );
    const grid = tickValues.map((t) => `M${x(t).toFixed(1)} 0V${LANE_HEIGHT}`).join("");
    const margin = (to - from) * 0.02;
    for (const lane of this.lanes) {
      if (lane.svg.closest(".group-lanes")?.hasAttribute("hidden") === true) continue;
      lane.grid.setAttribute("d", grid);
      const span = lane.lane.span;
      // A lane moved out of the window says which way, and how far, its entries are.
      const away = span === null ? null : span.to < from ? fill(this.words.earlier, durationText(from - span.to, this.language)) : span.from > to ? fill(this.words.later, durationText(span.from - to, this.language)) : null;
      lane.offWindow.textContent = away ?? "";
      lane.offWindow.setAttribute("x", span !== null && span.to < from ? "4" : String(plotWidth - 4));
      lane.offWindow.setAttribute("text-anchor", span !== null && span.to < from ? "start" : "end");
      if (span === null || span.to < from - margin || span.from > to + margin) {
        lane.span.setAttribute("width", "0");
      } else {
        const x0 = Math.max(-2, x(span.from));
        const x1 = Math.min(plotWidth + 2, x(span.to));
        lane.span.setAttribute("x", x0.toFixed(1));
        lane.span.setAttribute("width", Math.max(3, x1 - x0).toFixed(1));
      }
      let d = "";
      for (const t of lane.lane.entryTimes) {
        if (t < from - margin || t > to + margin) continue;
        d += `M${x(t).toFixed(1)} ${SPAN_Y - 3}V${SPAN_Y + SPAN_HEIGHT + 3}`;
      }
      lane.ticks.setAttribute("d", d);
      const places = placeMarks(
        lane.marks.map((m) => ({ x: x(m.mark.time), priority: SEVERITY_PRIORITY[m.mark.severity] })),
        MARK_GAP,
        MARK_ROWS.length,
        (priority) => (priority >= 2 ? 4 : 1),
      );
      lane.marks.forEach((m, i) => {
        const place = places[i]!;
        m.element.setAttribute("transform", `translate(${place.x.toFixed(1)}, ${MARK_ROWS[place.row]})`);
        m.element.classList.toggle("crowded", place.crowded);
        m.element.classList.toggle("offscreen", place.x < -6 || place.x > plotWidth + 6);
      });
      for (const c of lane.calls) {
        const cx = x(c.mark.time);
        c.element.setAttribute("transform", `translate(${cx.toFixed(1)}, 0)`);
        c.element.classList.toggle("offscreen", cx < -6 || cx > plotWidth + 6);
      }
    }
    if (document.activeElement !== this.fromInput) this.fromInput.value = timeText(from);
    if (document.activeElement !== this.toInput) this.toInput.value = timeText(to);
    this.windowTextElement.textContent = windowText([from, to], this.language);
  }

  private saveState(change: Partial<MergedTimelineState>): void {
    this.state = { ...this.state, ...change };
    vscode.setState(this.state);
  }

  announce(text: string): void {
    this.status.textContent = "";
    window.setTimeout(() => (this.status.textContent = text), 50);
  }
}

/** The lanes and groups a merge has: a merge with other lanes needs a new view. */
function shapeOf(timeline: MergedTimeline): string {
  return JSON.stringify([timeline.language, timeline.groups.map((g) => [g.clock, g.lanes]), timeline.lanes.map((l) => [l.name, l.uri])]);
}

function sameWindow(a: TimeWindow | null, b: TimeWindow | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6;
}

/** The zoom transform that shows `window` on `base`. */
function transformFor(base: ScaleLinear<number, number>, window: TimeWindow): ZoomTransform {
  const [r0, r1] = base.range() as [number, number];
  const p0 = base(window[0]);
  const p1 = base(window[1]);
  const k = (r1 - r0) / Math.max(1e-9, p1 - p0);
  return zoomIdentity.translate(r0 - k * p0, 0).scale(k);
}

/** A finding's shape, by severity (the colour comes from the stylesheet): a dot, a triangle, a diamond. */
function markShape(severity: MergedTimelineMark["severity"]): SVGElement {
  if (severity === "error") return s("circle", { class: "shape", r: 5.5 });
  if (severity === "warning") return s("path", { class: "shape", d: "M0 -6.5L6 4.5H-6Z" });
  return s("path", { class: "shape", d: "M0 -5L5 0L0 5L-5 0Z" });
}

/** The tooltip of a finding: severity and code, the message, where it is. */
function tooltipOf(mark: MergedTimelineMark, lane: MergedTimelineLane, language: Language): string[][] {
  return [
    [`${TIMELINE_WORDS[language].severity[mark.severity]} · ${mark.code}`, `sev-${mark.severity}`],
    [mark.message],
    [`${lane.name} · ${timeText(mark.time)} · ${shortFileName(lane.file)}:${mark.line + 1}`, "muted"],
  ];
}

const tooltip = document.getElementById("tooltip")!;

/** Shows lines of text (each `[text, class?]`) next to an element. */
function showTooltip(element: Element, lines: string[][]): void {
  tooltip.replaceChildren(...lines.map(([text, cls]) => h("div", { class: cls }, text ?? "")));
  tooltip.hidden = false;
  const box = element.getBoundingClientRect();
  const width = tooltip.offsetWidth;
  const height = tooltip.offsetHeight;
  const left = Math.min(Math.max(4, box.left + box.width / 2 - width / 2), document.documentElement.clientWidth - width - 4);
  const below = box.bottom + 6;
  const top = below + height > document.documentElement.clientHeight ? box.top - height - 6 : below;
  tooltip.style.left = `${left + window.scrollX}px`;
  tooltip.style.top = `${Math.max(4, top) + window.scrollY}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
}


function reveal(lane: number, line: number, column: number): void {
  hideTooltip();
  vscode.postMessage({ type: "reveal", lane, line, column });
}

// ---- start-up --------------------------------------------------------------------------------

const app = document.getElementById("app")!;
let current: MergedTimelineView | undefined;

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  const message = event.data as ToWebview;
  switch (message?.type) {
    case "model": {
      const saved = vscode.getState();
      const sameTraces = saved !== undefined && saved.uris.join("\n") === message.state.uris.join("\n");
      const asked = message.timeline.window;
      const state: MergedTimelineState = {
        ...message.state,
        automatic: rememberAutomatic(sameTraces ? saved.automatic : undefined, message.timeline.groups),
        // A window asked for (around an entry) wins over the one last shown.
        window: asked === null ? (sameTraces ? saved.window : null) : [asked.from, asked.to],
        collapsed: sameTraces ? saved.collapsed : [],
      };
      vscode.setState(state);
      if (current !== undefined && current.fits(message.timeline)) current.update(message.timeline, state);
      else current = new MergedTimelineView(app, message.timeline, state);
      app.removeAttribute("aria-busy");
      break;
    }
    case "busy":
      current?.busy();
      break;
    case "error":
      current = undefined;
      app.removeAttribute("aria-busy");
      app.replaceChildren(h("p", { class: "error", role: "alert" }, message.message));
      break;
  }
});

vscode.postMessage({ type: "ready" });

// Every workbench selector the UI tests use (VS Code 1.100.3 as served by code-server 4.100.3).
// When a VS Code update moves something, this is the one file to fix.

const css = (id) => `#${id.replace(/\./g, "\\.")}`;
const quoted = (text) => JSON.stringify(text);

export const selectors = {
  workbench: ".monaco-workbench",
  statusBar: css("workbench.parts.statusbar"),
  status: {
    languageMode: css("status.editor.mode"),
    problems: css("status.problems"),
    cursorPosition: css("status.editor.selection"),
    workspaceTrust: css("status.workspaceTrust"),
    /** The extension's item: side, role and finding counts of the active trace. */
    traceSummary: (text) => `${css("workbench.parts.statusbar")} .statusbar-item:has-text(${quoted(text)})`,
  },
  quickInput: {
    box: ".quick-input-widget input",
    focusedRow: ".quick-input-list .monaco-list-row.focused",
    row: (label) => `.quick-input-list .monaco-list-row[aria-label*=${quoted(label)}]`,
    // Command rows are labelled "Title" or "Title, Keybinding".
    command: (title) =>
      `.quick-input-list .monaco-list-row:is([aria-label=${quoted(title)}], [aria-label^=${quoted(`${title}, `)}])`,
  },
  editor: {
    squigglyError: ".editor-group-container.active .monaco-editor .squiggly-error",
    squigglyWarning: ".editor-group-container.active .monaco-editor .squiggly-warning",
    dirtyActiveTab: ".editor-group-container.active .tab.active.dirty",
    activeTab: (name) => `.editor-group-container.active .tab.active[data-resource-name=${quoted(name)}]`,
  },
  hover: (text) => `.monaco-hover-content:visible:has-text(${quoted(text)})`,
  codeAction: {
    any: ".action-widget .monaco-list-row.action",
    named: (title) => `.action-widget .monaco-list-row.action[aria-label=${quoted(title)}]`,
    focused: ".action-widget .monaco-list-row.action.focused",
  },
  problemsPanel: {
    row: (text) => `.markers-panel .monaco-list-row:has-text(${quoted(text)})`,
  },
  outline: {
    row: (text) => `.outline-pane .monaco-list-row:has-text(${quoted(text)})`,
  },
  /** Any notification toast. */
  toast: ".notification-toast",
  notification: (text) => `.notification-toast:has-text(${quoted(text)})`,
  explorer: {
    /** A file's row in the Explorer, by its name. */
    row: (name) => `.explorer-folders-view .monaco-list-row[aria-label^=${quoted(name)}]`,
  },
  /** An item of an open context menu, by its label. */
  contextMenuItem: (label) => `.monaco-menu .action-item:has(.action-label:text-is(${quoted(label)}))`,
  runningExtensions: {
    /** The row of an extension in "Developer: Show Running Extensions". */
    row: (name) => `.runtime-extensions-editor .monaco-list-row:has-text(${quoted(name)})`,
    activationTime: ".activation-time",
  },
};

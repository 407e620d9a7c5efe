// How the trace text is laid out, not what ICM did: shown in the editor only.

import type { FailureRecord } from "../types";

export const layoutRecords: readonly FailureRecord[] = [
  {
    id: "run-together-entries",
    severity: "hint",
    area: "layout",
    editorOnly: true,
    match: { kind: "sequence", rule: "run-together-entries" },
    title: { en: "Several entries on one line", ja: "1 行に複数のエントリ" },
    message: {
      en: "{entries} trace entries run together on this line: its line breaks were lost.",
      ja: "この行には {entries} 件のトレース エントリが連結されています（改行が失われています）。",
    },
    explanation: {
      en: "Traces pasted from tickets, mail or documents often lose their line breaks, so each entry runs into the next (`... Build 0977823:26:58 Initializing ...`: `09778` ends one entry and `23:26:58` starts the next). Splitting them back onto separate lines changes nothing else.",
      ja: "チケット、メール、ドキュメントから貼り付けたトレースは改行が失われ、エントリが次のエントリに連結されることがよくあります（`... Build 0977823:26:58 Initializing ...` では `09778` が前のエントリの末尾、`23:26:58` が次のエントリの先頭です）。エントリごとに改行しても、それ以外の内容は変わりません。",
    },
    causes: {
      en: ["The trace was copied through a tool that dropped line breaks (ticket system, mail, word processor)."],
      ja: ["改行を落とすツール（チケット システム、メール、ワープロ）を経由してトレースをコピーした。"],
    },
    fixes: {
      en: ["Split the entries onto separate lines (Format Document), or open a split copy and keep the original as evidence."],
      ja: ["エントリごとに改行します（ドキュメントのフォーマット）。証拠として原本を残す場合は、分割したコピーを開きます。"],
    },
    quickFixes: [{ kind: "splitEntries", title: { en: "Split run-together entries onto separate lines", ja: "連結されたエントリを行ごとに分割" } }],
  },
];

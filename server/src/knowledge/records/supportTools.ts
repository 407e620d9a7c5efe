// Cisco Support Tools, which merges the logs of several ICM nodes into one time-ordered file.
// Source: Cisco Support Tools User Guide (message text and the SNTP requirement quoted from it),
// mirror https://manualsdump.com/en/manuals/cisco_systems-1.0_1/238527/107 .

import type { FailureRecord } from "../types";

export const supportToolsRecords: readonly FailureRecord[] = [
  {
    id: "merge-missing-sntp",
    severity: "warning",
    area: "tools",
    match: { kind: "line", anchor: "Missing SNTP data" },
    title: {
      en: "Logs not merged: no common SNTP time data",
      ja: "ログをマージできない: 共通の SNTP 時刻データがない",
    },
    message: {
      en: "Support Tools could not merge the listed logs: they lack SNTP data, so their clocks cannot be aligned.",
      ja: "Support Tools は一覧のログをマージできませんでした。SNTP データがないため、各ログの時刻を揃えられません。",
    },
    explanation: {
      en: "Merging logs from several nodes only makes sense if their timestamps can be compared. Support Tools does not change the hosts' clocks; it stores each node's offset from an SNTP server and applies it while merging. Every node must use the same SNTP/NTP source — Windows domain time synchronisation is not precise enough — and logs of nodes without that data are left out. Even when merged, entries without milliseconds are treated as .000 and small errors remain, so close events on two sides can still appear in the wrong order.",
      ja: "複数ノードのログのマージは、タイムスタンプを比較できて初めて意味を持ちます。Support Tools はホストの時計を変更せず、各ノードの SNTP サーバーとの時刻差を保存し、マージ時に適用します。すべてのノードが同じ SNTP／NTP サーバーを使う必要があり（Windows ドメインの時刻同期では精度が不足します）、そのデータがないノードのログはマージから除外されます。マージできた場合でも、ミリ秒のないエントリは .000 として扱われ、小さな誤差が残るため、両サイドで近接したイベントの順序が前後して見えることがあります。",
    },
    causes: {
      en: [
        "The listed nodes are not configured with the SNTP server Support Tools uses.",
        "The nodes synchronise only with the Windows domain hierarchy.",
        "The Support Tools node agent on those nodes has not collected time data yet.",
      ],
      ja: [
        "一覧のノードに、Support Tools が使う SNTP サーバーが設定されていない。",
        "ノードが Windows ドメインの階層による時刻同期しか行っていない。",
        "それらのノードの Support Tools ノード エージェントが、まだ時刻データを収集していない。",
      ],
    },
    fixes: {
      en: [
        "Point every ICM node at the same NTP server and check its offset.",
        "Until then, align the two sides by hand using paired events (the sender's and receiver's state-transfer entries) rather than trusting wall-clock order.",
      ],
      ja: [
        "すべての ICM ノードで同じ NTP サーバーを参照するよう設定し、時刻差を確認します。",
        "それまでは時刻の並びを信用せず、対になるイベント（送信側と受信側の状態転送のエントリ）を手がかりに両サイドを手作業で揃えます。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows this server's time source and offset", ja: "このサーバーの時刻ソースと時刻差を表示するコマンドをコピー" },
        command: "w32tm /query /status",
      },
    ],
  },
];

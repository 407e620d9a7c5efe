// Records whose matching needs a multi-entry rule that core/sequenceRules.ts does not have yet.
// NOT part of the catalogue (index.ts does not import this file): each record is ready to move into
// a records file once its rule exists and its name is added to `SequenceRuleName`. The rule each one
// needs, and the values its message template expects, are written above it.

import type { FailureRecord } from "../types";

/** Rules proposed for core/sequenceRules.ts, not yet in `SequenceRuleName`. */
export type PendingSequenceRuleName = "replication-reconnect-loop";

export interface PendingSequenceRecord extends Omit<FailureRecord, "match"> {
  readonly match: { readonly kind: "sequence"; readonly rule: PendingSequenceRuleName };
}

export const pendingSequenceRecords: readonly PendingSequenceRecord[] = [
  // Rule `replication-reconnect-loop` (Cisco Doc 27462): on an HDS, `Connected To Server on <host>
  // using port <port>.` followed within a minute by `Connection To Server Br...`, at least 3 times in
  // 10 minutes. Values: host, port, count, window (formatted duration, per language).
  {
    id: "replication-reconnect-loop",
    severity: "error",
    area: "rpl",
    match: { kind: "sequence", rule: "replication-reconnect-loop" },
    title: { en: "HDS replication connects and breaks repeatedly", ja: "HDS のレプリケーションが接続と切断を繰り返している" },
    message: {
      en: "Replication connected to {host} on port {port} and lost the connection {count} times in {window}: the Logger's replication port is probably blocked.",
      ja: "レプリケーションは {host} のポート {port} への接続と切断を {window} の間に {count} 回繰り返しています。Logger のレプリケーション用ポートが遮断されている可能性があります。",
    },
    explanation: {
      en: "Cisco Doc 27462 shows the replication log of an HDS whose replication TCP port is blocked: the process connects to the Logger's Recovery port, logs its purge and update-statistics schedules, loses the connection a few seconds later and starts over, indefinitely. One break is a network blip; the same cycle again and again means the second connection the replication process needs can never be made, and the HDS receives no new historical data.",
      ja: "Cisco Doc 27462 には、レプリケーション用 TCP ポートが遮断された HDS のレプリケーション ログが示されています。プロセスは Logger の Recovery ポートに接続し、パージと統計更新のスケジュールを記録した後、数秒で接続を失って最初からやり直し、これを無限に繰り返します。1 回の切断はネットワークの瞬断ですが、同じサイクルの繰り返しは、レプリケーション プロセスに必要な 2 本目の接続が確立できないことを意味し、HDS には新しい履歴データが届きません。",
    },
    causes: {
      en: [
        "A firewall between the HDS and the Logger blocks the replication port.",
        "The HDS and Logger registry settings disagree on the port.",
      ],
      ja: [
        "HDS と Logger の間のファイアウォールがレプリケーション用ポートを遮断している。",
        "HDS と Logger のレジストリ設定でポートが一致していない。",
      ],
    },
    fixes: {
      en: [
        "Determine both ports from the registry as Cisco Doc 27462 describes and test them from the HDS.",
        "Open the port or correct the registry, then watch the replication log for a connection that stays up.",
      ],
      ja: [
        "Cisco Doc 27462 の手順で両方のポートをレジストリから確認し、HDS からテストします。",
        "ポートを開放するかレジストリを修正し、レプリケーション ログで接続が維持されることを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the PowerShell command that tests the port", ja: "ポートをテストする PowerShell コマンドをコピー" },
        command: 'powershell -Command "Test-NetConnection {host} -Port {port}"',
      },
    ],
  },
];

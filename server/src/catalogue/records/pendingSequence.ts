// Records whose matching needs a multi-entry rule that core/sequenceRules.ts does not have yet.
// NOT part of the catalogue (index.ts does not import this file): each record is ready to move into
// a records file once its rule exists and its name is added to `SequenceRuleName`. The rule each one
// needs, and the values its message template expects, are written above it.

import type { FailureRecord } from "../types";

/** Rules proposed for core/sequenceRules.ts, not yet in `SequenceRuleName`. */
export type PendingSequenceRuleName =
  | "config-checksum-differs"
  | "replication-reconnect-loop";

export interface PendingSequenceRecord extends Omit<FailureRecord, "match"> {
  readonly match: { readonly kind: "sequence"; readonly rule: PendingSequenceRuleName };
}

export const pendingSequenceRecords: readonly PendingSequenceRecord[] = [
  // Rule `config-checksum-differs` (across a pair of traces, like the compare view): each Logger logs
  // `Checksum config complete: Rows = <r>, bytes = <b>, checksum = <c>, updateKey = <k>` at start-up
  // (shared/corpus). When the two sides report the same updateKey but a different checksum, rows or
  // bytes, their configurations differ at the same point in time. Reported on the later side's entry.
  // Values: side (the side reporting), updateKey, checksumA, checksumB, rowsA, rowsB.
  {
    id: "config-checksum-differs",
    severity: "error",
    area: "config",
    match: { kind: "sequence", rule: "config-checksum-differs" },
    title: { en: "Configuration checksum differs between the sides", ja: "構成のチェックサムがサイド間で不一致" },
    message: {
      en: "At update key {updateKey} side A reports checksum {checksumA} ({rowsA} rows) and side B checksum {checksumB} ({rowsB} rows): the two configurations are not the same.",
      ja: "更新キー {updateKey} の時点で、サイド A のチェックサムは {checksumA}（{rowsA} 行）、サイド B は {checksumB}（{rowsB} 行）です。両サイドの構成は同一ではありません。",
    },
    explanation: {
      en: "At start-up each Logger computes a checksum over its configuration tables and logs it with the update key of the last configuration transaction it holds. Two sides that have applied the same transactions (same update key) must have the same checksum. A difference means a configuration change reached one database and not the other — a direct edit in SQL, a restore, a failed synchronisation — and the routers of the two sides may route differently.",
      ja: "各 Logger は起動時に構成テーブル全体のチェックサムを計算し、保持している最後の構成トランザクションの更新キーとともに出力します。同じトランザクションを適用した（更新キーが同じ）両サイドのチェックサムは一致するはずです。一致しない場合は、構成変更が一方のデータベースにだけ反映されています（SQL での直接編集、復元、同期の失敗など）。両サイドの Router が異なるルーティングを行う可能性があります。",
    },
    causes: {
      en: [
        "A configuration table was edited directly in SQL on one side.",
        "One side's database was restored from a backup.",
        "A synchronisation between the Loggers did not complete.",
      ],
      ja: [
        "一方のサイドで構成テーブルが SQL で直接編集された。",
        "一方のサイドのデータベースがバックアップから復元された。",
        "Logger 間の同期が完了しなかった。",
      ],
    },
    fixes: {
      en: [
        "Decide which side holds the correct configuration.",
        "Synchronise the other side's database from it with ICMDBA, then restart that side's Logger and check that both checksums match.",
      ],
      ja: [
        "どちらのサイドが正しい構成を保持しているかを判断します。",
        "ICMDBA で正しいサイドからもう一方のデータベースを同期し、そのサイドの Logger を再起動して、両方のチェックサムが一致することを確認します。",
      ],
    },
    quickFixes: [],
  },
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

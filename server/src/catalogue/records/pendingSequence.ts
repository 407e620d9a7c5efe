// Records whose matching needs a multi-entry rule that core/sequenceRules.ts does not have yet.
// NOT part of the catalogue (index.ts does not import this file): each record is ready to move into
// a records file once its rule exists and its name is added to `SequenceRuleName`. The rule each one
// needs, and the values its message template expects, are written above it.

import type { FailureRecord } from "../types";

/** Rules proposed for core/sequenceRules.ts, not yet in `SequenceRuleName`. */
export type PendingSequenceRuleName =
  | "process-restart-loop"
  | "peer-never-returned"
  | "config-checksum-differs"
  | "database-connect-incomplete"
  | "replication-reconnect-loop";

export interface PendingSequenceRecord extends Omit<FailureRecord, "match"> {
  readonly match: { readonly kind: "sequence"; readonly rule: PendingSequenceRuleName };
}

export const pendingSequenceRecords: readonly PendingSequenceRecord[] = [
  // Rule `process-restart-loop`: the same process goes down (`Process <p> on <node> went down for
  // unknown reason`, or `Assertion failed` in its own log) at least 3 times within 15 minutes.
  // Reported on the last occurrence, with the earlier ones as related entries.
  // Values: process, count, first (hh:mm:ss), last (hh:mm:ss), window (formatted duration, per language).
  {
    id: "process-restart-loop",
    severity: "error",
    area: "nm",
    match: { kind: "sequence", rule: "process-restart-loop" },
    title: { en: "Process in a restart loop", ja: "プロセスが再起動ループ状態" },
    message: {
      en: "{process} went down {count} times between {first} and {last} ({window}): it is in a restart loop, and restarting it again will not help.",
      ja: "{process} が {first} から {last} までの {window} に {count} 回停止しています。再起動ループの状態であり、再起動を繰り返しても解決しません。",
    },
    explanation: {
      en: "Node Manager restarts a failed process after a short delay, and a transient failure ends there. When the same process fails again and again within minutes, whatever makes it fail is still present — missing or inconsistent data, a peer it cannot synchronise with, a resource that is gone — and every restart repeats the failure. Cisco Doc 65201 describes exactly this pattern for the Logger (`starts, fails, and restarts repeatedly`). The first occurrence's log holds the cause; the later ones only repeat it.",
      ja: "Node Manager は停止したプロセスを短い待機の後に再起動し、一過性の障害であればそれで終わります。同じプロセスが数分以内に何度も停止する場合は、停止の原因（データの欠落や不整合、同期できない相手、失われたリソース）が残っており、再起動のたびに同じ障害が繰り返されます。Cisco Doc 65201 は Logger についてまさにこの状態（起動・失敗・再起動の繰り返し）を説明しています。原因は最初の発生時のログにあり、以降は同じことの繰り返しです。",
    },
    causes: {
      en: [
        "A persistent data problem the process checks at start-up (for example an empty Config_Message_Log table).",
        "A state transfer that fails every time because the peer cannot send its state.",
        "A resource the process needs at start-up is missing (database, disk space, permission).",
      ],
      ja: [
        "プロセスが起動時に検査する、解消されていないデータの問題（空の Config_Message_Log テーブルなど）。",
        "相手側が状態を送信できないため、毎回失敗する状態転送。",
        "プロセスが起動時に必要とするリソース（データベース、ディスク容量、権限）がない。",
      ],
    },
    fixes: {
      en: [
        "Read the process log before the first failure of the series, not the last.",
        "If the process is a Logger or Router, read the peer side's log at the same times for the state-transfer side of the failure.",
        "Consider stopping the component until the cause is fixed, so that the loop does not fill logs and dumps.",
      ],
      ja: [
        "一連の停止のうち最後ではなく、最初の停止の前のプロセス ログを確認します。",
        "Logger や Router の場合は、同時刻の相手サイドのログで状態転送の側の失敗を確認します。",
        "ループでログやダンプがあふれないよう、原因を解消するまでコンポーネントの停止を検討します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the dumplog command for this process's log", ja: "このプロセスのログを出力する dumplog コマンドをコピー" },
        command: "dumplog {process} /bt {first} /et {last}",
      },
    ],
  },
  // Rule `peer-never-returned`: an entry that takes a peer, side or path out of service — `HeartBeat
  // Event for Side <X>`, `Connection to Central Controller side <X> failed`, `Peripheral Gateway <pg> is
  // not connected to the Central Controller`, `Isolated-Enabled`, `Device <d> path changing to idle
  // state` — with no later entry in the trace that brings it back (`MDS is in service.`, `Paired`,
  // `path changing to active state` for the same device, `successfully reinitialized`, a later
  // successful connection). Reported on the loss entry when the trace continues at least 5 minutes
  // after it. Values: what (the peer, side or device as written), since (hh:mm:ss),
  // lasted (formatted duration, per language: from the loss to the end of the trace).
  {
    id: "peer-never-returned",
    severity: "error",
    area: "network",
    match: { kind: "sequence", rule: "peer-never-returned" },
    title: { en: "Peer went out of service and never returned", ja: "相手が停止したまま復帰していない" },
    message: {
      en: "{what} went out of service at {since} and did not come back for the remaining {lasted} of the trace.",
      ja: "{what} は {since} にアウト オブ サービスになり、トレースの残り {lasted} の間に復帰していません。",
    },
    explanation: {
      en: "A lost heartbeat or connection is normal during a restart or a network blip, and ICM is built to ride through it: the path fails over and comes back. What matters is a loss with no recovery afterwards. For the whole rest of this trace the named side, peer or device stayed out of service, so the system ran without redundancy (or without that site) for that long. If the trace was cut soon after the loss, this may only be the end of the excerpt.",
      ja: "再起動やネットワークの瞬断の際にハートビートや接続が失われるのは正常であり、ICM は経路の切り替えと復帰によってそれを乗り切るよう設計されています。問題は、失われた後に回復がない場合です。このトレースの残りの期間、指定されたサイド・相手・デバイスはアウト オブ サービスのままで、その間システムは冗長性なし（またはそのサイトなし）で動作していました。損失の直後でトレースが切り出されている場合は、単に抜粋の終わりである可能性もあります。",
    },
    causes: {
      en: [
        "The peer side's server or service is down and was not restarted.",
        "The private or public network is still broken.",
        "The trace excerpt ends before the recovery.",
      ],
      ja: [
        "相手サイドのサーバーまたはサービスが停止したまま再起動されていない。",
        "プライベートまたはパブリック ネットワークが切断されたままになっている。",
        "回復より前でトレースの抜粋が終わっている。",
      ],
    },
    fixes: {
      en: [
        "Check the current state of the named side or device (services, rttest, the peer's own log).",
        "Check the network path between the two sides.",
        "Extend the trace (dumplog with a later end time) to see whether it recovered later.",
      ],
      ja: [
        "指定されたサイドやデバイスの現在の状態（サービス、rttest、相手側自身のログ）を確認します。",
        "両サイド間のネットワーク経路を確認します。",
        "終了時刻を遅くして dumplog でトレースを延長し、後で回復したかを確認します。",
      ],
    },
    quickFixes: [],
  },
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
  // Rule `database-connect-incomplete`: `Connect to <db> database.` not followed by `Connected to <db>
  // database.` within 60 seconds (shared/corpus shows the pair one second apart). Values: database,
  // waited (formatted duration, per language), startedAt (hh:mm:ss).
  {
    id: "database-connect-incomplete",
    severity: "error",
    area: "lgr",
    match: { kind: "sequence", rule: "database-connect-incomplete" },
    title: { en: "Logger did not connect to its database", ja: "Logger がデータベースに接続できていない" },
    message: {
      en: "The Logger started connecting to database {database} at {startedAt} and had not connected {waited} later.",
      ja: "Logger は {startedAt} にデータベース {database} への接続を開始しましたが、{waited}後も接続できていません。",
    },
    explanation: {
      en: "A starting Logger logs `Connect to <instance>_sideX database.` and, a moment later, `Connected to <instance>_sideX database.`, followed by its schema version and configuration checksum. When the second line never comes, the Logger is stuck before it can do anything: SQL Server does not answer, refuses the login, or cannot open the database. The SQL error itself, when the client reports one, is usually in the entries in between.",
      ja: "起動中の Logger は `Connect to <インスタンス>_sideX database.` を出力し、すぐ後に `Connected to <インスタンス>_sideX database.` を出力して、スキーマ バージョンと構成のチェックサムが続きます。2 行目が出力されない場合、Logger は何もできない段階で止まっています。SQL Server が応答しない、ログインを拒否している、またはデータベースを開けない、のいずれかです。クライアントがエラーを報告していれば、SQL のエラー自体は通常その間のエントリにあります。",
    },
    causes: {
      en: [
        "SQL Server is stopped or still recovering the database.",
        "The service account's login is refused or has no access to the database.",
        "The database is offline, suspect, or named differently.",
      ],
      ja: [
        "SQL Server が停止している、またはデータベースの復旧中である。",
        "サービス アカウントのログインが拒否されている、またはデータベースへのアクセス権がない。",
        "データベースがオフライン、問題あり (suspect)、または別の名前になっている。",
      ],
    },
    fixes: {
      en: [
        "Read the entries between the two lines for the SQL Server error.",
        "Check the SQL Server service and the database's state.",
        "Check the service account's SQL Server login.",
      ],
      ja: [
        "2 行の間のエントリで SQL Server のエラーを確認します。",
        "SQL Server サービスとデータベースの状態を確認します。",
        "サービス アカウントの SQL Server ログインを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows the database's state", ja: "データベースの状態を表示する SQL をコピー" },
        command: "SELECT name, state_desc, user_access_desc FROM sys.databases WHERE name = '{database}';",
      },
    ],
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

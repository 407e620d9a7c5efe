// Failures that show over several entries of one trace: a process that keeps going down, a peer
// that never comes back, a database connection that never completes. The rules are in
// core/sequenceRules.ts under the same names.

import type { FailureRecord } from "../types";

export const operationRecords: readonly FailureRecord[] = [
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
  // Rule `database-connect-incomplete`: `Connect to <db> database.` not followed by `Connected to <db>
  // database.` within 60 seconds (the tech note's trace shows the pair one second apart). Values: database,
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
];

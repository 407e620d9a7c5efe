// Node Manager: processes that go down, restart and come back; assertions that make them go down.
// Message texts: the ICM event texts quoted in Cisco Community thread "icm error message"
// (https://community.cisco.com/t5/contact-center/icm-error-message/m-p/1579936) and the assertion
// layout of Cisco Doc 65201 (`la-lgr Fail: Assertion failed: <expr>. File: <file>. Line <n>`).

import type { FailureRecord } from "../types";

const BUG_SEARCH_URL = "https://bst.cloudapps.cisco.com/bugsearch/";

export const nodeManagerRecords: readonly FailureRecord[] = [
  {
    id: "process-down-unknown-reason",
    severity: "error",
    area: "nm",
    match: {
      kind: "line",
      anchor: "went down for unknown reason",
      // `Process lgr on ICM\cus01\LoggerA went down for unknown reason. Exit code 0xC0000005. ...`
      pattern: /Process (?<process>\S+) on (?<node>\S+) went down for unknown reason\. Exit code (?<exitCode>[0-9A-Fa-fxX-]+)/,
    },
    title: {
      en: "ICM process went down unexpectedly",
      ja: "ICM プロセスが予期せず停止",
    },
    message: {
      en: "Node Manager reports that {process} on {node} stopped without being asked to (exit code {exitCode}); it restarts the process automatically. The cause is in {process}'s own log just before this time.",
      ja: "Node Manager の報告: {node} の {process} が停止要求なしに終了しました（終了コード {exitCode}）。プロセスは自動的に再起動されます。原因は、この時刻直前の {process} 自身のログに記録されています。",
    },
    explanation: {
      en: "Every ICM component has its own Node Manager service watching the component's processes. When one exits without a stop request, Node Manager logs this event and restarts it after a short delay. The exit code is the first hint: 0xC0000005 is an access violation (a crash), while other values usually mean the process stopped itself after a failed check or after losing a connection it cannot work without. The reason itself is written in the failed process's log in the minute before this event.",
      ja: "ICM の各コンポーネントには、そのプロセスを監視する専用の Node Manager サービスがあります。プロセスが停止要求なしに終了すると、Node Manager はこのイベントを記録し、短い待機の後にプロセスを再起動します。終了コードが最初の手がかりです。0xC0000005 はアクセス違反（クラッシュ）を示し、それ以外の値の多くは、内部チェックの失敗や動作に必須の接続の喪失によりプロセス自身が停止したことを示します。原因そのものは、このイベント直前 1 分間の、停止したプロセスのログに記録されています。",
    },
    causes: {
      en: [
        "The process asserted on a failed internal check (look for `Fail: Assertion failed` in its log).",
        "The process crashed (exit code 0xC0000005, access violation), often a known defect fixed in an Engineering Special or maintenance release.",
        "A connection the process cannot run without (MDS, its database, the peer side) was lost and the process chose to exit.",
      ],
      ja: [
        "内部チェックの失敗によりプロセスがアサートした（そのプロセスのログで `Fail: Assertion failed` を確認してください）。",
        "プロセスがクラッシュした（終了コード 0xC0000005 はアクセス違反）。Engineering Special やメンテナンス リリースで修正済みの既知の不具合であることが多くあります。",
        "動作に必須の接続（MDS、データベース、相手サイド）が失われ、プロセスが自ら終了した。",
      ],
    },
    fixes: {
      en: [
        "Dump the failed process's log for the minutes around this event and read the last lines before it stopped.",
        "If the same process keeps going down, search the assertion text or exit code in the Cisco Bug Search Tool and apply the fixing ES or MR.",
        "If Cisco TAC asks for it, collect the process logs of both sides and the crash dump.",
      ],
      ja: [
        "このイベント前後数分間の、停止したプロセスのログを dumplog で出力し、停止直前の行を確認します。",
        "同じプロセスが繰り返し停止する場合は、アサートの文言や終了コードを Cisco Bug Search Tool で検索し、修正を含む ES または MR を適用します。",
        "Cisco TAC から依頼があれば、両サイドの該当プロセスのログとクラッシュ ダンプを採取します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the dumplog command for this process's log", ja: "このプロセスのログを出力する dumplog コマンドをコピー" },
        command: "dumplog {process} /bt <hh:mm:ss> /et <hh:mm:ss>",
      },
      {
        kind: "openUrl",
        title: { en: "Open the Cisco Bug Search Tool", ja: "Cisco Bug Search Tool を開く" },
        url: BUG_SEARCH_URL,
      },
    ],
  },
  {
    id: "process-delayed-restart",
    severity: "warning",
    area: "nm",
    match: {
      kind: "line",
      anchor: "after having delayed restart",
      // `ICM\cus01\LoggerA node restarting process lgr after having delayed restart for 10 seconds.`
      pattern: /restarting process (?<process>\S+) after having delayed restart for (?<delay>\d+) seconds/,
    },
    title: {
      en: "Node Manager restarting a process",
      ja: "Node Manager がプロセスを再起動中",
    },
    message: {
      en: "Node Manager is restarting {process} after a {delay}-second delay: the process had stopped.",
      ja: "Node Manager が {delay} 秒待機した後、{process} を再起動しています（プロセスが停止していたため）。",
    },
    explanation: {
      en: "Node Manager does not restart a failed process at once: it waits (10 seconds in the event texts Cisco users quote) so that a process that fails immediately does not spin. This entry is the restart itself; the failure is the `went down` event just before it and the process's own log. A good restart is followed by `successfully reinitialized after restart`. If this entry comes back every few minutes for the same process, the process is in a restart loop and restarting it again will not help.",
      ja: "Node Manager は停止したプロセスをすぐには再起動せず、一定時間（Cisco ユーザーが引用するイベント文では 10 秒）待機します。起動直後に失敗するプロセスが空回りしないようにするためです。このエントリは再起動そのものを示し、障害の内容は直前の `went down` イベントとプロセス自身のログにあります。再起動に成功すると `successfully reinitialized after restart` が続きます。同じプロセスでこのエントリが数分おきに繰り返される場合は再起動ループであり、再起動を繰り返しても解決しません。",
    },
    causes: {
      en: [
        "The process stopped just before (see the preceding `went down for unknown reason` event).",
        "An operator, script or monitoring tool ended the process.",
      ],
      ja: [
        "直前にプロセスが停止した（先行する `went down for unknown reason` イベントを参照）。",
        "運用者、スクリプト、監視ツールがプロセスを終了させた。",
      ],
    },
    fixes: {
      en: [
        "Confirm the restart completed: look for `successfully reinitialized after restart` for the same process.",
        "If restarts repeat, find the first failure's cause in the process log before restarting anything else.",
      ],
      ja: [
        "同じプロセスの `successfully reinitialized after restart` を探し、再起動が完了したことを確認します。",
        "再起動が繰り返される場合は、他の操作を行う前に、最初の障害の原因をプロセスのログで特定します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the dumplog command for the Node Manager log", ja: "Node Manager のログを出力する dumplog コマンドをコピー" },
        command: "dumplog nm /bt <hh:mm:ss> /et <hh:mm:ss>",
      },
    ],
  },
  {
    id: "process-reinitialized",
    severity: "information",
    area: "nm",
    match: {
      kind: "line",
      anchor: "successfully reinitialized after restart",
      pattern: /node process (?<process>\S+) successfully reinitialized after restart/,
    },
    title: {
      en: "Process back after a restart",
      ja: "再起動後にプロセスが復旧",
    },
    message: {
      en: "{process} initialised again after its restart by Node Manager.",
      ja: "Node Manager による再起動の後、{process} の初期化が完了しました。",
    },
    explanation: {
      en: "Node Manager confirms that a restarted process has initialised again. This ends the outage that began with the `went down` event; the time between the two is how long the process was out of service. For a duplexed process such as the Logger or the Router, initialising is not the end: a state transfer from the running peer follows, and it can fail on its own.",
      ja: "Node Manager が、再起動したプロセスの初期化完了を確認したことを示します。`went down` イベントから始まった停止はここで終わり、両者の間隔がプロセスの停止時間です。Logger や Router のような二重化プロセスでは、初期化の後に稼働中の相手側からの状態転送が続き、その状態転送が単独で失敗することもあります。",
    },
    causes: {
      en: ["An earlier failure of the process, recovered by Node Manager's automatic restart."],
      ja: ["以前に発生したプロセスの障害が、Node Manager の自動再起動により回復した。"],
    },
    fixes: {
      en: [
        "No action for this entry; find out why the process went down in the first place.",
        "For a Logger or Router, check that the state transfer that follows completes.",
      ],
      ja: [
        "このエントリ自体への対処は不要です。最初にプロセスが停止した理由を確認してください。",
        "Logger や Router の場合は、続く状態転送が完了したことを確認します。",
      ],
    },
    quickFixes: [],
  },
  {
    id: "central-site-process-down",
    severity: "error",
    area: "nm",
    match: {
      kind: "line",
      anchor: "at the Central Site side",
      pattern: /Process (?<process>\S+) at the Central Site side (?<side>[A-Za-z]+) is down/,
    },
    title: {
      en: "Central Controller process down",
      ja: "セントラル コントローラのプロセスが停止",
    },
    message: {
      en: "{process} on Central Controller side {side} is down; that side runs without it until it returns.",
      ja: "セントラル コントローラ サイド {side} の {process} が停止しています。復旧するまで、このサイドは当該プロセスなしで動作します。",
    },
    explanation: {
      en: "The central controller reports that one of its processes on the named side has stopped. The effect depends on the process: when a Router is down its whole side leaves service, because the router feeds its own Logger; when a Logger is down the other side carries on simplexed, and this side must catch up by state transfer and Recovery when it returns. Node Manager normally restarts the process within seconds; the event matters when no recovery follows or it repeats.",
      ja: "セントラル コントローラが、指定サイドのプロセスの停止を報告しています。影響はプロセスによって異なります。Router が停止すると、Router は自サイドの Logger へデータを送っているため、そのサイド全体がサービスから外れます。Logger が停止した場合は、もう一方のサイドがシンプレックスで処理を継続し、このサイドは復旧時に状態転送と Recovery で追いつく必要があります。通常は Node Manager が数秒以内にプロセスを再起動します。復旧が続かない場合や繰り返し発生する場合に注意が必要です。",
    },
    causes: {
      en: [
        "The process failed (assertion or crash) and Node Manager is restarting it.",
        "The component's Node Manager service was stopped, or the server was shut down or rebooted.",
        "The server lost its network connections and the process exited.",
      ],
      ja: [
        "プロセスが障害（アサートまたはクラッシュ）で停止し、Node Manager が再起動している。",
        "当該コンポーネントの Node Manager サービスが停止された、またはサーバーがシャットダウン・再起動された。",
        "サーバーがネットワーク接続を失い、プロセスが終了した。",
      ],
    },
    fixes: {
      en: [
        "Check that the process runs again on that side (Node Manager log, Task Manager, or the service state).",
        "Read that process's log on the named side for the time of the event.",
        "If the side does not come back, start the component's Cisco ICM service and watch its state transfer.",
      ],
      ja: [
        "そのサイドでプロセスが再び動作していることを確認します（Node Manager のログ、タスク マネージャー、サービスの状態）。",
        "指定サイドの当該プロセスのログで、イベント時刻前後を確認します。",
        "サイドが復旧しない場合は、当該コンポーネントの Cisco ICM サービスを起動し、状態転送を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that lists the Cisco ICM services and their state", ja: "Cisco ICM サービスとその状態を一覧表示するコマンドをコピー" },
        command: 'powershell -Command "Get-Service -DisplayName \'Cisco ICM*\' | Format-Table Status, DisplayName -AutoSize"',
      },
    ],
  },
  {
    id: "process-assertion",
    severity: "error",
    area: "process",
    match: {
      kind: "line",
      anchor: "Assertion failed",
      // `Fail: Assertion failed: <expression>. File: <source>. Line <n>` (Cisco Doc 65201).
      pattern: /Assertion failed:? (?<detail>[^\n]+)/,
      // A specific record (e.g. the empty Config_Message_Log assertion) explains it better.
      fallback: true,
    },
    title: {
      en: "Process stopped on a failed assertion",
      ja: "アサートによりプロセスが停止",
    },
    message: {
      en: "The process stopped on a failed internal check: {detail}. Node Manager will restart it.",
      ja: "内部チェックの失敗によりプロセスが停止しました: {detail}。Node Manager がプロセスを再起動します。",
    },
    explanation: {
      en: "ICM processes verify their own state with assertions. When one fails, the process writes `Fail: Assertion failed: <expression>. File: <source>. Line <n>` and exits, and Node Manager restarts it. The expression and source file identify the check for Cisco; what made it fail is usually in the lines just before (a missing database row, a message out of sequence, a lost connection). The same assertion after every restart means a restart loop that restarting will not end.",
      ja: "ICM のプロセスはアサーションで自身の状態を検証しています。検証に失敗すると、プロセスは `Fail: Assertion failed: <式>. File: <ソース>. Line <行>` を出力して終了し、Node Manager が再起動します。式とソース ファイル名は Cisco がチェック箇所を特定するための情報で、失敗の原因は多くの場合その直前の行（データベースの行の欠落、順序の乱れたメッセージ、接続の喪失など）にあります。再起動のたびに同じアサートが発生する場合は再起動ループであり、再起動では解消しません。",
    },
    causes: {
      en: [
        "Data the process relies on is missing or inconsistent (an empty table, a configuration change applied on one side only).",
        "A message arrived in an order the process did not expect, for instance after a network interruption.",
        "A software defect matching a known bug.",
      ],
      ja: [
        "プロセスが前提とするデータが欠落している、または不整合がある（空のテーブル、片サイドにだけ適用された構成変更など）。",
        "ネットワークの瞬断の後などに、プロセスが想定しない順序でメッセージが届いた。",
        "既知の不具合に該当するソフトウェアの欠陥。",
      ],
    },
    fixes: {
      en: [
        "Read the 20 to 50 entries before the assertion in the same log for the first error.",
        "Search the expression and the source file name in the Cisco Bug Search Tool; an ES or MR may fix it.",
        "If it repeats after every restart, collect the process logs of both sides and open a TAC case with them.",
      ],
      ja: [
        "同じログでアサート直前の 20～50 エントリを読み、最初のエラーを特定します。",
        "式とソース ファイル名を Cisco Bug Search Tool で検索します。ES または MR で修正されている場合があります。",
        "再起動のたびに繰り返す場合は、両サイドの当該プロセスのログを採取して TAC にケースをオープンします。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Search the assertion in the Cisco Bug Search Tool", ja: "Cisco Bug Search Tool でアサートを検索" },
        url: BUG_SEARCH_URL,
      },
    ],
  },
];

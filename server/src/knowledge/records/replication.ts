// HDS replication: the replication process on the Historical Data Server copies historical data
// from the Logger. Source: Cisco Doc 27462 "Symptoms Of A Blocked HDS Replication TCP Port", whose
// replication log shows `Connected To Server on <logger> using port 40068.` then, 13 seconds later,
// `Connection To Server Br...` (the document's text is cut there in every retrievable copy, so the
// anchor stops at the letters it shows).

import type { FailureRecord } from "../types";

const TN27462_URL = "http://www.cisco.com/en/US/products/sw/custcosw/ps1001/products_tech_note09186a008011ab2b.shtml";

export const replicationRecords: readonly FailureRecord[] = [
  {
    id: "replication-connection-broken",
    severity: "warning",
    area: "rpl",
    match: { kind: "line", anchor: "Connection To Server Br" },
    title: {
      en: "HDS replication lost its connection to the Logger",
      ja: "HDS のレプリケーションが Logger との接続を喪失",
    },
    message: {
      en: "The replication process lost its connection to the server (Logger). If this repeats right after each `Connected To Server`, the Logger's replication TCP port is probably blocked.",
      ja: "レプリケーション プロセスがサーバー（Logger）との接続を失いました。`Connected To Server` の直後に毎回繰り返される場合は、Logger のレプリケーション用 TCP ポートが遮断されている可能性があります。",
    },
    explanation: {
      en: "On an HDS, the replication process pulls historical data from its Logger over two TCP connections: one to the Logger's Recovery process and one to the central controller's replication port. Cisco Doc 27462 shows the pattern of a blocked replication port: the HDS connects to the Recovery port (`Connected To Server on ... using port ...`), logs its purge and update-statistics schedules, then the connection breaks, and the cycle repeats forever. Until it is fixed, the HDS falls further behind and reports show old data.",
      ja: "HDS では、レプリケーション プロセスが 2 本の TCP 接続で Logger から履歴データを取得します。1 本は Logger の Recovery プロセスへの接続、もう 1 本はセントラル コントローラのレプリケーション用ポートへの接続です。Cisco Doc 27462 には、レプリケーション用ポートが遮断されている場合の典型的な流れが示されています。HDS は Recovery のポートに接続し（`Connected To Server on ... using port ...`）、パージと統計更新のスケジュールを記録した後に接続が切断され、これを延々と繰り返します。解消するまで HDS の遅れは広がり、レポートには古いデータが表示されます。",
    },
    causes: {
      en: [
        "A firewall or access list between the HDS and the Logger blocks the replication TCP port.",
        "The HDS and Logger disagree on the port (registry settings after a reinstall or instance change).",
        "The Logger side it replicates from is down or restarting.",
      ],
      ja: [
        "HDS と Logger の間のファイアウォールやアクセス リストが、レプリケーション用 TCP ポートを遮断している。",
        "HDS と Logger でポート設定が一致していない（再インストールやインスタンス変更後のレジストリ設定）。",
        "レプリケーション元の Logger サイドが停止中または再起動中である。",
      ],
    },
    fixes: {
      en: [
        "Check whether the break repeats after every connect in the replication log on the HDS.",
        "Determine the HDS and Logger TCP ports from their registry settings as Cisco Doc 27462 describes, and test them from the HDS.",
        "Open the port on the firewall (or correct the registry), then watch the replication log catch up.",
      ],
      ja: [
        "HDS のレプリケーション ログで、接続のたびに切断が繰り返されていないか確認します。",
        "Cisco Doc 27462 の手順で、HDS と Logger の TCP ポートをレジストリ設定から確認し、HDS からテストします。",
        "ファイアウォールでポートを開放する（またはレジストリを修正する）と、レプリケーション ログで遅れが解消されていくことを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the PowerShell command that tests the Logger's TCP port", ja: "Logger の TCP ポートをテストする PowerShell コマンドをコピー" },
        command: 'powershell -Command "Test-NetConnection <logger> -Port <replication port>"',
      },
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 27462 (blocked HDS replication port)", ja: "Cisco Doc 27462（HDS レプリケーション ポートの遮断）を開く" },
        url: TN27462_URL,
      },
    ],
  },
];

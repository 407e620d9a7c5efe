// The ICM Gateway process of Cisco Unified Web and E-Mail Interaction Manager, which connects it to
// ICM. Source: Cisco DocWiki "ICM Gateway Process: goes OOS"
// (http://docwiki.cisco.com/w/index.php?title=ICM_Gateway_Process:_goes_OOS&oldid=25118), which quotes
// `%MMCA__ICMGW-6-SERVER_READINESS_UPDATE:%[ready=false]` from the runtime log.

import type { FailureRecord } from "../types";

const DOCWIKI_URL = "http://docwiki.cisco.com/w/index.php?title=ICM_Gateway_Process:_goes_OOS&oldid=25118";

export const icmGatewayRecords: readonly FailureRecord[] = [
  {
    id: "icmgw-readiness-false",
    severity: "warning",
    area: "icmgw",
    match: {
      kind: "line",
      anchor: "SERVER_READINESS_UPDATE",
      pattern: /SERVER_READINESS_UPDATE:%?\[ready=false\]/,
    },
    title: {
      en: "ICM Gateway told to shut down (server not ready)",
      ja: "ICM Gateway に停止が指示された（サーバー準備未完了）",
    },
    message: {
      en: "The Interaction Manager infrastructure set the server's readiness to false: the ICM Gateway process is being shut down and goes out of service.",
      ja: "Interaction Manager の基盤がサーバーの準備状態を false にしました。ICM Gateway プロセスは停止され、アウト オブ サービスになります。",
    },
    explanation: {
      en: "In Unified Web and E-Mail Interaction Manager the ICM Gateway process links the application to ICM through a PG. Cisco's troubleshooting page for an out-of-service ICM Gateway starts here: a readiness update with ready=false in the runtime log means the gateway was instructed by the infrastructure to shut down, so the reason is upstream of the gateway. The next questions Cisco lists are whether the PG is OK, whether the other PG side took over, and whether the network went down.",
      ja: "Unified Web and E-Mail Interaction Manager では、ICM Gateway プロセスが PG を介してアプリケーションと ICM を接続します。ICM Gateway がアウト オブ サービスになった場合の Cisco のトラブルシューティングは、ここから始まります。ランタイム ログに ready=false の準備状態の更新があれば、ゲートウェイは基盤から停止を指示されたのであり、原因はゲートウェイより上流にあります。Cisco が次に挙げる確認事項は、PG が正常か、もう一方の PG サイドが引き継いだか、ネットワークが停止していないかです。",
    },
    causes: {
      en: [
        "The PG the gateway uses went down or lost its connection.",
        "A failover moved the work to the other PG side.",
        "A network outage between the Interaction Manager servers and the PG.",
      ],
      ja: [
        "ゲートウェイが使用する PG が停止した、または接続を失った。",
        "フェールオーバーにより、処理がもう一方の PG サイドへ移った。",
        "Interaction Manager のサーバーと PG の間でネットワーク障害が発生した。",
      ],
    },
    fixes: {
      en: [
        "List and view the runtime logs (file list activelog mmca/logs/runtime) around this entry.",
        "Check the PG's state and whether its other side took over.",
        "Check the network between the Interaction Manager servers and the PG.",
      ],
      ja: [
        "このエントリ前後のランタイム ログを一覧表示・参照します（file list activelog mmca/logs/runtime）。",
        "PG の状態と、もう一方の PG サイドが引き継いだかを確認します。",
        "Interaction Manager のサーバーと PG の間のネットワークを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the CLI command that lists the runtime logs", ja: "ランタイム ログを一覧表示する CLI コマンドをコピー" },
        command: "file list activelog mmca/logs/runtime",
      },
      {
        kind: "openUrl",
        title: { en: "Open the Cisco DocWiki page (ICM Gateway goes OOS)", ja: "Cisco DocWiki のページ（ICM Gateway の OOS）を開く" },
        url: DOCWIKI_URL,
      },
    ],
  },
];

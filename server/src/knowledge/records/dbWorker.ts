// DB Worker (dbw) on the Call Router: external database lookups for the DBLookup script node. Sources:
// - Cisco Doc 116215 "ICM DBLookup Function Configuration Example"
//   (https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-contact-center-enterprise/116215-configure-dblookup-00.html):
//   a lookup with no matching row logs `DBWorker transactionID 1, Failed! result=1`, one with a match `Succeeded.`.
// - Cisco Doc 215535 "Maximum Amount of Data that can be Processed through an ICM MDS Message"
//   (https://www.cisco.com/c/en/us/support/docs/contact-center/unified-intelligent-contact-management-enterprise/215535-maximum-amount-of-data-that-can-be-proce.html):
//   `DBWorker transactionID 14583170, Failed! result=10` after `Succeeded.(…)` for the same transaction; the SQL
//   response plus the DBW response header cannot exceed 4096 bytes, a hard-coded MDS message limit.
// The three records share one anchor; the patterns tell the result codes apart, the generic one is a fallback.

import type { FailureRecord } from "../types";

const TN116215_URL =
  "https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-contact-center-enterprise/116215-configure-dblookup-00.html";
const TN215535_URL =
  "https://www.cisco.com/c/en/us/support/docs/contact-center/unified-intelligent-contact-management-enterprise/215535-maximum-amount-of-data-that-can-be-proce.html";

const ANCHOR = "Failed! result=";

const COPY_DBW_DUMPLOG = {
  kind: "copyCommand",
  title: { en: "Copy the dumplog command for the DB Worker log", ja: "DB Worker のログを出力する dumplog コマンドをコピー" },
  command: "dumplog dbw /bt <hh:mm:ss> /et <hh:mm:ss> /ms",
} as const;

export const dbWorkerRecords: readonly FailureRecord[] = [
  {
    id: "dbw-lookup-no-match",
    severity: "information",
    area: "dbw",
    match: {
      kind: "line",
      anchor: ANCHOR,
      pattern: /DBWorker transactionID (?<transaction>\d+), Failed! result=1(?!\d)/,
    },
    title: {
      en: "DBLookup found no matching row (not a database failure)",
      ja: "DBLookup で一致する行がない（データベース障害ではない）",
    },
    message: {
      en: "DB Worker lookup {transaction} found no row with the requested key: 'Failed! result=1' is how the DB Worker reports an unmatched lookup, not a connection or SQL error.",
      ja: "DB Worker の検索 {transaction} では、要求されたキーを持つ行が見つかりませんでした。'Failed! result=1' は検索が一致しなかったことを DB Worker が報告する形式であり、接続や SQL のエラーではありません。",
    },
    explanation: {
      en: "A DBLookup node in a routing script asks the router's DB Worker process to read one row of an external SQL table, by the table's primary-key column. Cisco's configuration example shows that when no entry matches in the primary-key column the DB Worker logs 'Failed! result=1' after 'Attempt to read the record', and that a lookup that finds its row logs 'Succeeded.' instead. So this entry is the normal outcome of a lookup for a key that is not in the table.",
      ja: "ルーティング スクリプトの DBLookup ノードは、Router の DB Worker プロセスに、外部 SQL テーブルの 1 行を主キー列で読むよう要求します。Cisco の構成例では、主キー列に一致するエントリがない場合、DB Worker は 'Attempt to read the record' の後に 'Failed! result=1' を記録し、行が見つかった場合は代わりに 'Succeeded.' を記録することが示されています。したがってこのエントリは、テーブルにないキーを検索したときの通常の結果です。",
    },
    causes: {
      en: ["No row of the external table has the looked-up value in its primary-key column."],
      ja: ["外部テーブルのどの行も、検索された値を主キー列に持っていない。"],
    },
    fixes: {
      en: [
        "Nothing to fix if the value is genuinely absent from the table.",
        "If a match was expected, compare the value the script looks up with the primary-key values stored in the table.",
      ],
      ja: [
        "値が本当にテーブルにない場合は、対処は不要です。",
        "一致するはずだった場合は、スクリプトが検索する値とテーブルの主キー列に格納された値を比較します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 116215 (DBLookup configuration)", ja: "Cisco Doc 116215（DBLookup の構成）を開く" },
        url: TN116215_URL,
      },
    ],
  },
  {
    id: "dbw-lookup-response-too-large",
    severity: "error",
    area: "dbw",
    match: {
      kind: "line",
      anchor: ANCHOR,
      pattern: /DBWorker transactionID (?<transaction>\d+), Failed! result=10(?!\d)/,
    },
    title: {
      en: "Database lookup failed: response too large for one MDS message",
      ja: "データベース ルックアップ失敗: 応答が MDS メッセージ 1 通に収まらない",
    },
    message: {
      en: "The DB Worker could not pass the result of lookup {transaction} to the router: result 10 means SQL Server returned more data than one MDS message can carry (4096 bytes including the DBW response header).",
      ja: "DB Worker がルックアップ {transaction} の結果を Router に渡せませんでした。result 10 は、SQL Server が返したデータが MDS メッセージ 1 通に収まる量（DBW の応答ヘッダーを含めて 4096 バイト）を超えたことを示します。",
    },
    explanation: {
      en: "For a DBLookup node the router uses the DB Worker process (log tag dbw) as its interface to the external database, and the answer travels back to the router in one MDS message. Cisco Doc 215535 states that the SQL response data plus the DBW response header cannot exceed 4096 bytes, a hard-coded MDS limit. When the row is larger, dbw still reads it ('Attempt to read the record', 'Succeeded.') and then logs 'Failed! result=10' for the same transactionID: the data never reaches the router. Cisco shows this error with the dbw trace level raised to 3, which it advises only on TAC's recommendation.",
      ja: "DBLookup ノードでは、Router は DB Worker プロセス（ログのタグは dbw）を外部データベースへのインターフェイスとして使い、結果は MDS メッセージ 1 通で Router に返されます。Cisco Doc 215535 によると、SQL の応答データと DBW の応答ヘッダーの合計は 4096 バイトを超えられず、これは MDS のハードコードされた上限です。行がこれより大きい場合、dbw はレコードを読み取る（'Attempt to read the record'、'Succeeded.'）ものの、同じ transactionID について 'Failed! result=10' を記録し、データは Router に届きません。Cisco はこのエラーを dbw のトレース レベルを 3 に上げて示しており、その設定は TAC の推奨がある場合に限るとしています。",
    },
    causes: {
      en: ["The data returned by the lookup plus the DBW response header is larger than 4096 bytes, the most one MDS message can carry."],
      ja: ["ルックアップが返すデータと DBW の応答ヘッダーの合計が、MDS メッセージ 1 通の上限である 4096 バイトを超えている。"],
    },
    fixes: {
      en: [
        "Make the lookup return less data so that the response and its header stay within 4096 bytes.",
        "To confirm, look in the dbw log for 'Succeeded.' followed by 'Failed! result=10' for the same transactionID.",
      ],
      ja: [
        "応答とヘッダーの合計が 4096 バイト以内に収まるよう、ルックアップが返すデータを減らします。",
        "確認するには、dbw のログで同じ transactionID の 'Succeeded.' の後に 'Failed! result=10' があることを確かめます。",
      ],
    },
    quickFixes: [
      COPY_DBW_DUMPLOG,
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 215535 (maximum data in an ICM MDS message)", ja: "Cisco Doc 215535（ICM MDS メッセージで扱えるデータ量の上限）を開く" },
        url: TN215535_URL,
      },
    ],
  },
  {
    id: "dbw-lookup-failed",
    severity: "warning",
    area: "dbw",
    match: {
      kind: "line",
      anchor: ANCHOR,
      pattern: /DBWorker transactionID (?<transaction>\d+), Failed! result=(?<result>\d+)/,
      // Results 1 and 10 have their own records; this one covers the codes Cisco does not document.
      fallback: true,
    },
    title: {
      en: "Database lookup failed in the DB Worker",
      ja: "DB Worker でデータベース ルックアップが失敗",
    },
    message: {
      en: "The DB Worker reports that database lookup {transaction} failed with result {result}.",
      ja: "DB Worker が、データベース ルックアップ {transaction} が result {result} で失敗したと報告しています。",
    },
    explanation: {
      en: "The DB Worker (dbw) handles each DBLookup request from the router under a transactionID and ends it with 'Succeeded.' or 'Failed! result=<n>'. Cisco documents two results: 1, no row matched (Doc 116215), and 10, the data is too large for one MDS message (Doc 215535); each has its own finding. For other codes the lines logged earlier for the same transactionID ('Received request', 'Attempt to read the record') show how far the lookup got.",
      ja: "DB Worker（dbw）は Router からの DBLookup 要求を transactionID ごとに処理し、'Succeeded.' または 'Failed! result=<n>' で終えます。Cisco が説明している result は 2 つで、1 は一致する行がない（Doc 116215）、10 はデータが MDS メッセージ 1 通に収まらない（Doc 215535）であり、それぞれ専用の検出結果があります。それ以外のコードでは、同じ transactionID について先に記録された行（'Received request'、'Attempt to read the record'）から、ルックアップがどこまで進んだかがわかります。",
    },
    causes: {
      en: ["A database lookup handled by the DB Worker ended with a result code that Cisco's notes do not explain."],
      ja: ["DB Worker が処理したデータベース ルックアップが、Cisco の資料で説明されていない result コードで終了した。"],
    },
    fixes: {
      en: [
        "Follow the same transactionID back through the dbw log to see whether the request was received and the record read.",
        "Search the result code in the Cisco Bug Search Tool, or open a TAC case with the dbw log.",
      ],
      ja: [
        "dbw のログで同じ transactionID をさかのぼり、要求を受信したか、レコードを読み取れたかを確認します。",
        "result のコードを Cisco Bug Search Tool で検索するか、dbw のログを添えて TAC にケースをオープンします。",
      ],
    },
    quickFixes: [
      COPY_DBW_DUMPLOG,
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 215535 (DB Worker lookups and MDS messages)", ja: "Cisco Doc 215535（DB Worker のルックアップと MDS メッセージ）を開く" },
        url: TN215535_URL,
      },
    ],
  },
];

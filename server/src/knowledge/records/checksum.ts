// Configuration checksums and update keys: the Logger's check that configuration messages follow
// the last one it stored. Source: Cisco Doc 65201 "Logger Asserts Constantly Because
// Config_Message_Log Table is Empty" (assertion text quoted verbatim from it).
// Comparing the checksum of both sides needs two traces: see pendingSequence.ts.

import type { FailureRecord } from "../types";

const TN65201_URL = "https://www.cisco.com/c/en/us/support/docs/voice-unified-communications/icm-logger/65201-msgtable.html";

export const checksumRecords: readonly FailureRecord[] = [
  {
    id: "config-message-log-empty",
    severity: "error",
    area: "config",
    match: { kind: "line", anchor: "syncMsg.UpdateKey == g.checksumInfo.updateKey" },
    title: {
      en: "Logger assert loop: Config_Message_Log table is empty",
      ja: "Logger のアサート ループ: Config_Message_Log テーブルが空",
    },
    message: {
      en: "The Logger asserted on its configuration update-key check (syncMsg.UpdateKey == g.checksumInfo.updateKey). Cisco documents this assertion when the Config_Message_Log table is empty; the Logger will restart and assert again until the table is repaired.",
      ja: "Logger が構成更新キーのチェック（syncMsg.UpdateKey == g.checksumInfo.updateKey）でアサートしました。Cisco は、Config_Message_Log テーブルが空の場合にこのアサートが発生すると説明しています。テーブルを修復するまで、Logger は再起動してアサートを繰り返します。",
    },
    explanation: {
      en: "Only the central database has the Config_Message_Log table: it stores every configuration transaction with its RecoveryKey, operation, table name and time. At start-up the Logger computes a checksum of the configuration with an update key, and checks that the update key of each configuration message it then receives matches the one it holds. With an empty Config_Message_Log the check fails at once: lgr asserts in rtinput.cpp, Node Manager restarts it, and it asserts again — it starts, fails and restarts repeatedly (Cisco Doc 65201).",
      ja: "Config_Message_Log テーブルはセントラル データベースにのみ存在し、すべての構成トランザクションを RecoveryKey、操作種別、テーブル名、日時とともに保存します。Logger は起動時に更新キー付きで構成のチェックサムを計算し、その後受信する構成メッセージの更新キーが保持しているものと一致するかを検証します。Config_Message_Log が空だとこの検証がすぐに失敗し、lgr は rtinput.cpp でアサートし、Node Manager が再起動し、再びアサートします。つまり起動・失敗・再起動を繰り返します（Cisco Doc 65201）。",
    },
    causes: {
      en: [
        "The Config_Message_Log table of this side's central database is empty (truncated by hand, or emptied by a maintenance script).",
        "The database was restored or rebuilt without its configuration message history.",
      ],
      ja: [
        "このサイドのセントラル データベースの Config_Message_Log テーブルが空になっている（手動での削除やメンテナンス スクリプトによる消去）。",
        "構成メッセージの履歴を含まない状態でデータベースが復元または再構築された。",
      ],
    },
    fixes: {
      en: [
        "Count the rows of Config_Message_Log in both sides' central databases; an empty table on this side confirms the cause.",
        "Repopulate the table as Cisco Doc 65201 describes, or synchronize this side's database from the good side with ICMDBA, then start the Logger again.",
      ],
      ja: [
        "両サイドのセントラル データベースで Config_Message_Log の行数を数えます。このサイドだけ空であれば原因が確定します。",
        "Cisco Doc 65201 の手順でテーブルを再作成するか、ICMDBA で正常なサイドからこのサイドのデータベースを同期してから、Logger を再度起動します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that counts the rows of Config_Message_Log", ja: "Config_Message_Log の行数を数える SQL をコピー" },
        command: "SELECT COUNT(*) AS Rows, MAX(RecoveryKey) AS LastRecoveryKey FROM Config_Message_Log;",
      },
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 65201 (Config_Message_Log empty)", ja: "Cisco Doc 65201（Config_Message_Log が空）を開く" },
        url: TN65201_URL,
      },
    ],
  },
];

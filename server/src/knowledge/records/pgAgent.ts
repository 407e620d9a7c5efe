// PG Agent (pgag): the PG's end of the DMP link to the central controller. Sources:
// - Cisco Doc 23071 "Peripheral Gateway - PGAG Process Asserting"
//   (http://www.cisco.com/c/en/us/support/docs/voice-unified-communications/icm-peripheral-gateway/23071-pgag-assert.html):
//   `pg1A-pgag Fail: Assertion failed: dmpp->source == nmargs.DMPSystemID. File: D:\R1\dmp\pg\MESSAGES.CPP. Line 77`
//   (published wrapped after "=="); the pgag process recycles right after the PG services start and the PIM never
//   goes active. Its resolution section was not read for this record.
// - Cisco Doc 200960 on a UCCE PG remaining in the isolated-enabled state
//   (https://cisco.com/c/en/us/support/docs/customer-collaboration/unified-contact-center-enterprise/200960-Unified-Contact-Center-Enterprise-UCCE.html):
//   the PG DMP System ID (registry ...\<PGxx>\DMP\CurrentVersion\SystemID; PG1 has 1, PG2 has 2, ...) identifies the PG
//   pair to the call router; a wrong value causes a conflict and failed communication, different values on the two
//   sides keep the pair from running duplex.
// It must come before the generic process-assertion fallback (nodeManager.ts) in the catalogue.

import type { FailureRecord } from "../types";

const TN23071_URL = "http://www.cisco.com/c/en/us/support/docs/voice-unified-communications/icm-peripheral-gateway/23071-pgag-assert.html";
const TN200960_URL =
  "https://cisco.com/c/en/us/support/docs/customer-collaboration/unified-contact-center-enterprise/200960-Unified-Contact-Center-Enterprise-UCCE.html";

export const pgAgentRecords: readonly FailureRecord[] = [
  {
    id: "pgag-dmp-systemid-assert",
    severity: "error",
    area: "pgag",
    match: {
      kind: "line",
      anchor: "nmargs.DMPSystemID",
      // Cisco prints it wrapped after "==", so the blanks before nmargs may include a line break.
      pattern: /dmpp->source ==\s+nmargs\.DMPSystemID/,
    },
    title: {
      en: "PG Agent asserts on the DMP system ID",
      ja: "PG Agent が DMP システム ID のチェックでアサート",
    },
    message: {
      en: "pgag failed its check that a DMP message comes from its DMP system ID and asserted: per Cisco it recycles right after the PG services start and the PIM does not go active.",
      ja: "pgag は、DMP メッセージが自身の DMP システム ID から来ていることのチェックに失敗してアサートしました。Cisco によれば、pgag は PG サービスの起動直後に再起動を繰り返し、PIM はアクティブになりません。",
    },
    explanation: {
      en: "The PG Agent (pgag) is the PG's end of the DMP link to the central controller. The failed assertion compares the source of a DMP message with nmargs.DMPSystemID, the DMP system ID the process was started with. Cisco Doc 23071 describes the result: right after the PG services start, the PGAG process recycles and the PIM never becomes active. The PG DMP System ID is a registry value that identifies the PG pair to the call router (PG1 has 1, PG2 has 2, and so on); Cisco Doc 200960 says a wrong value causes a conflict and failed communication between router and PG, and different values on the two sides of a pair keep it from running duplex.",
      ja: "PG Agent（pgag）は、セントラル コントローラとの DMP リンクの PG 側の端点です。失敗したアサーションは、DMP メッセージの送信元と、プロセス起動時の DMP システム ID（nmargs.DMPSystemID）を比較しています。Cisco Doc 23071 によると、PG サービスの起動直後に PGAG プロセスが再起動を繰り返し、PIM がアクティブになりません。PG の DMP システム ID は Router に対して PG ペアを識別するレジストリ値で（PG1 は 1、PG2 は 2 …）、Cisco Doc 200960 は、値の誤りが Router と PG の間の競合と通信失敗を引き起こし、ペアの両サイドで値が異なると二重化で動作できないとしています。",
    },
    causes: {
      en: ["The DMP messages pgag receives do not come from the DMP system ID it was started with; that ID is the PG's DMP SystemID registry value (Doc 200960)."],
      ja: ["pgag が受け取る DMP メッセージの送信元が、起動時の DMP システム ID と一致しない。この ID は PG の DMP SystemID レジストリ値である（Doc 200960）。"],
    },
    fixes: {
      en: [
        "On both PG sides, check HKLM\\SOFTWARE\\Cisco Systems, Inc.\\ICM\\<instance>\\<PGxx>\\DMP\\CurrentVersion\\SystemID: Doc 200960 gives the PG's number, the same on side A and B.",
        "Read the resolution in Cisco Doc 23071 before changing anything.",
      ],
      ja: [
        "PG の両サイドで HKLM\\SOFTWARE\\Cisco Systems, Inc.\\ICM\\<インスタンス>\\<PGxx>\\DMP\\CurrentVersion\\SystemID を確認します。Doc 200960 では PG の番号で、サイド A と B で同じ値です。",
        "変更する前に、Cisco Doc 23071 の解決策を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows the DMP SystemID values", ja: "DMP SystemID の値を表示するコマンドをコピー" },
        command: 'reg query "HKLM\\SOFTWARE\\Cisco Systems, Inc.\\ICM" /s /f SystemID',
      },
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 23071 (PGAG process asserting)", ja: "Cisco Doc 23071（PGAG プロセスのアサート）を開く" },
        url: TN23071_URL,
      },
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 200960 (PG DMP system ID)", ja: "Cisco Doc 200960（PG の DMP システム ID）を開く" },
        url: TN200960_URL,
      },
    ],
  },
];

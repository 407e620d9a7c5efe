// PIMs for TDM ACDs: the Aspect Contact Server PIM's link to the Aspect CMI Server.
// Source: Cisco Doc 60654 "Connection to CMI Server Failed - Aspect CMI Server"
// (http://www.cisco.com/en/US/products/sw/custcosw/ps1001/products_tech_note09186a008029e6de.shtml): the PIM trace
// `pg10A-pim1 Trace: CMIMessageReceiver: [WARNING] Connection to CMI Server failed; attempt #1` (published wrapped
// after "CMI") and, since ICM 5.0, Application and Event Bridge messages passing through the CMI Server.

import type { FailureRecord } from "../types";

const TN60654_URL = "http://www.cisco.com/en/US/products/sw/custcosw/ps1001/products_tech_note09186a008029e6de.shtml";

export const peripheralAcdRecords: readonly FailureRecord[] = [
  {
    id: "aspect-cmi-server-connection-failed",
    severity: "warning",
    area: "pim",
    match: {
      kind: "line",
      anchor: "Connection to CMI",
      // Cisco prints the message wrapped after "CMI"; \s+ accepts the joined continuation.
      pattern: /Connection to CMI\s+Server failed; attempt #(?<attempt>\d+)/,
    },
    title: {
      en: "Aspect PIM cannot connect to the CMI Server",
      ja: "Aspect PIM が CMI Server に接続できない",
    },
    message: {
      en: "The Aspect PIM's connection attempt #{attempt} to the Aspect CMI Server failed.",
      ja: "Aspect PIM から Aspect CMI Server への接続試行 #{attempt} が失敗しました。",
    },
    explanation: {
      en: "From ICM 5.0 on, the Aspect Contact Server PIM exchanges the Application Bridge and Event Bridge messages with the Aspect ACD through the Computer Media Integration (CMI) Server. This [WARNING] from the PIM's CMIMessageReceiver says that an attempt to connect to the CMI Server failed; the attempt number counts the tries. Cisco Doc 60654 is about this warning in the log of an Aspect PIM; its resolution section could not be read for this record, so check it before acting.",
      ja: "ICM 5.0 以降、Aspect Contact Server PIM は Application Bridge と Event Bridge のメッセージを Computer Media Integration（CMI）Server 経由で Aspect ACD とやり取りします。PIM の CMIMessageReceiver が出すこの [WARNING] は、CMI Server への接続試行が失敗したことを示し、試行番号は試行の回数です。Cisco Doc 60654 は Aspect PIM のログに出るこの警告を扱っています。その解決策の節はこのレコードの作成時に参照できなかったため、対処の前に同文書を確認してください。",
    },
    causes: {
      en: ["The Aspect CMI Server was not reachable from the PG when the PIM tried to connect."],
      ja: ["PIM が接続を試みた時点で、PG から Aspect CMI Server に到達できなかった。"],
    },
    fixes: {
      en: [
        "Check whether later attempts succeed and the PIM goes active, or whether the attempt number keeps growing.",
        "Read Cisco Doc 60654 for the documented case.",
      ],
      ja: [
        "後続の試行が成功して PIM がアクティブになるか、試行番号が増え続けるかを確認します。",
        "文書化された事例について Cisco Doc 60654 を参照します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 60654 (Connection to CMI Server failed)", ja: "Cisco Doc 60654（CMI Server への接続失敗）を開く" },
        url: TN60654_URL,
      },
    ],
  },
];

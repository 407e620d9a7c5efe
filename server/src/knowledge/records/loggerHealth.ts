// Logger process health: the lgr "Local Time Has Stopped" stall.
// Source: Cisco Doc 64455 "Error Message on ICM Logger Process: Local Time has Stopped"
// (http://www.cisco.com/c/en/us/support/docs/voice-unified-communications/icm-logger/64455-Local-Time-Stopped.html):
// message text `la-lgr Trace: Local Time Has Stopped for 10000 Milliseconds`, its meaning (lgr has accomplished nothing
// in 10,000 ms), its cause (SQL Server does not respond to lgr for 10 seconds), five in a row after 50 seconds and the
// Node Manager restart of lgr, Cisco bug CSCsa91378. The note's workaround is not reproduced here.

import type { FailureRecord } from "../types";

const TN64455_URL = "http://www.cisco.com/c/en/us/support/docs/voice-unified-communications/icm-logger/64455-Local-Time-Stopped.html";

export const loggerHealthRecords: readonly FailureRecord[] = [
  {
    id: "logger-local-time-stopped",
    severity: "warning",
    area: "lgr",
    match: {
      kind: "line",
      anchor: "Local Time Has Stopped",
      pattern: /Local Time Has Stopped for (?<ms>\d+) Milliseconds/,
    },
    title: {
      en: "Logger stalled: SQL Server did not answer lgr",
      ja: "Logger が停滞: SQL Server が lgr に応答しない",
    },
    message: {
      en: "The Logger process accomplished nothing for {ms} ms. Cisco attributes this message to SQL Server not responding to the lgr process; five in a row make Node Manager restart lgr.",
      ja: "Logger プロセスが {ms} ミリ秒間何も処理できませんでした。Cisco によると、このメッセージは SQL Server が lgr プロセスに応答しないことが原因です。5 回続くと Node Manager が lgr を再起動します。",
    },
    explanation: {
      en: "Cisco Doc 64455 explains this lgr message: the lgr process has not accomplished anything in 10,000 milliseconds, which happens when SQL Server does not respond to lgr for 10 seconds. When SQL Server has not responded for over 50 seconds, five such messages occur in a row and the Node Manager on the Logger restarts lgr, so the lgr process keeps bouncing. The note refers to Cisco bug CSCsa91378 and gives a possible workaround.",
      ja: "Cisco Doc 64455 がこの lgr のメッセージを説明しています。lgr プロセスが 10,000 ミリ秒間何も処理できなかったことを示し、SQL Server が 10 秒間 lgr に応答しないときに発生します。SQL Server の無応答が 50 秒を超えると、このメッセージが 5 回続けて出力され、Logger の Node Manager が lgr を再起動するため、lgr プロセスが再起動を繰り返します。このドキュメントは Cisco バグ CSCsa91378 を参照し、考えられる回避策を記載しています。",
    },
    causes: {
      en: ["SQL Server did not respond to the lgr process for 10 seconds or more (Cisco Doc 64455)."],
      ja: ["SQL Server が 10 秒以上 lgr プロセスに応答しなかった（Cisco Doc 64455）。"],
    },
    fixes: {
      en: [
        "Count the messages: five in a row mean SQL Server was silent for over 50 seconds and Node Manager restarted lgr.",
        "Find out why SQL Server on the Logger did not answer lgr during those seconds.",
        "Read Cisco bug CSCsa91378 and the workaround in Cisco Doc 64455 before changing anything.",
      ],
      ja: [
        "メッセージの回数を数えます。5 回連続していれば、SQL Server が 50 秒以上応答せず、Node Manager が lgr を再起動したことを意味します。",
        "その時間帯に Logger の SQL Server が lgr に応答しなかった理由を調べます。",
        "変更を加える前に、Cisco バグ CSCsa91378 と Cisco Doc 64455 の回避策を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 64455 (Local Time has Stopped)", ja: "Cisco Doc 64455（Local Time has Stopped）を開く" },
        url: TN64455_URL,
      },
    ],
  },
];

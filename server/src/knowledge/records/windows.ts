// Windows API failures that ICM reports as `Last API Error [N]`.

import type { FailureRecord } from "../types";

export const windowsRecords: readonly FailureRecord[] = [
  {
    id: "api-error",
    severity: "information",
    area: "windows",
    match: { kind: "line", anchor: "Last API Error [", fallback: true },
    title: {
      en: "Windows API call failed",
      ja: "Windows API の呼び出しが失敗",
    },
    message: {
      en: "A Windows API call failed: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "Windows API の呼び出しが失敗しました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "ICM processes report the Win32 GetLastError() value of a failed Windows call as `Last API Error [N]`, followed by Windows' own text (in the system's language, so on Japanese Windows it is Japanese). The number is what matters: look it up below and read the entries just before it to see which operation failed.",
      ja: "ICM のプロセスは、失敗した Windows API 呼び出しの Win32 GetLastError() 値を `Last API Error [N]` として出力し、その後に Windows のメッセージ（OS の言語で出力されるため、日本語 Windows では日本語）が続きます。重要なのは番号です。下記の意味を確認し、直前のエントリからどの処理が失敗したかを確認してください。",
    },
    causes: {
      en: [
        "Permissions of the ICM service account (error 5).",
        "A missing file or folder (errors 2, 3), a full disk (112, 39), or a network problem (53, 64, 121, 1722).",
      ],
      ja: [
        "ICM サービス アカウントの権限（エラー 5）。",
        "ファイルやフォルダーが存在しない（エラー 2、3）、ディスク満杯（112、39）、ネットワークの問題（53、64、121、1722）。",
      ],
    },
    fixes: {
      en: [
        "Read the meaning of the error number and the entry before it, then fix the permission, path, space or network problem it names.",
      ],
      ja: [
        "エラー番号の意味と直前のエントリを確認し、示された権限・パス・容量・ネットワークの問題を解消します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that prints Windows' text for this error", ja: "このエラーの Windows のメッセージを表示するコマンドをコピー" },
        command: "net helpmsg {apiError}",
      },
    ],
  },
];

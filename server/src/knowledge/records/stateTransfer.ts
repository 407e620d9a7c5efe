// Logger state transfer: the sending side's temporary file, the receiving side's wait.
// Sources: the Japanese Cisco tech note on a Logger state-transfer failure (its two traces), Cisco Docs 45340 and 63471.

import type { FailureRecord } from "../types";

const TEMP_ANCHOR = "Unable to GetTempFileName";

const ICMDBA_SYNC_EN =
  "Workaround from Cisco: synchronize the two Loggers' databases with ICMDBA (Data > Synchronize), then restart the receiving Logger.";
const ICMDBA_SYNC_JA =
  "Cisco の回避策: ICMDBA（[データ] > [同期]）で両サイドの Logger データベースを同期してから、受信側の Logger を再起動します。";

const FIND_SERVICE_USER = 'sc qc "Cisco ICM <cust_inst> LoggerB"';

export const stateTransferRecords: readonly FailureRecord[] = [
  {
    id: "temp-file-access-denied",
    severity: "error",
    area: "lgr",
    match: { kind: "line", anchor: TEMP_ANCHOR, apiErrors: [5] },
    title: {
      en: "State transfer file denied: no access to %TEMP%",
      ja: "状態転送ファイルを作成できない: %TEMP% へのアクセス拒否",
    },
    message: {
      en: "The sending Logger cannot create its temporary state-transfer file: Last API Error [{apiError}] {win32Name} ({win32Meaning}). The peer's state transfer will stall.",
      ja: "送信側 Logger が状態転送用の一時ファイルを作成できません: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。相手側の状態転送は停止したままになります。",
    },
    explanation: {
      en: "To send its state to a restarting peer, the running Logger first writes it to a temporary file created with the Windows call GetTempFileName in the %TEMP% folder of the account the Node Manager service runs as. Error 5 (ERROR_ACCESS_DENIED) means that account may not create files there, so the Logger abandons the send; the receiving side waits for MDS messages that never come, asserts and restarts. " + ICMDBA_SYNC_EN,
      ja: "稼働中の Logger は、再起動した相手側へ状態を送る前に、Node Manager サービスの実行アカウントの %TEMP% フォルダーに Windows API の GetTempFileName で一時ファイルを作成します。エラー 5（ERROR_ACCESS_DENIED）は、このアカウントがそのフォルダーにファイルを作成する権限を持たないことを示し、Logger は送信を中止します。受信側は届かない MDS メッセージを待ち続け、アサートして再起動します。" + ICMDBA_SYNC_JA,
    },
    causes: {
      en: [
        "The Node Manager service account has no write/create permission on its %TEMP% folder.",
        "TEMP/TMP for that account points to a folder it cannot use (another user's profile, a removed drive, a folder with tightened ACLs).",
        "Security software or a hardening policy blocks file creation in %TEMP%.",
      ],
      ja: [
        "Node Manager サービスの実行アカウントに、%TEMP% フォルダーへの書き込み・作成権限がない。",
        "そのアカウントの TEMP/TMP が使用できないフォルダー（別ユーザーのプロファイル、存在しないドライブ、ACL を絞ったフォルダーなど）を指している。",
        "セキュリティ ソフトウェアやハードニング ポリシーが %TEMP% でのファイル作成をブロックしている。",
      ],
    },
    fixes: {
      en: [
        `Find the account of the sending side's Node Manager service (services.msc, or ${FIND_SERVICE_USER}).`,
        "Grant that account Full control of its %TEMP% folder, or set its TEMP and TMP to a local folder it can write, then restart the service.",
        ICMDBA_SYNC_EN,
      ],
      ja: [
        `送信側の Node Manager サービスの実行アカウントを確認します（services.msc、または ${FIND_SERVICE_USER}）。`,
        "そのアカウントに %TEMP% フォルダーのフル コントロール権限を付与するか、書き込み可能なローカル フォルダーを TEMP/TMP に設定してからサービスを再起動します。",
        ICMDBA_SYNC_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: {
          en: "Copy the icacls command that grants the Node Manager user full control of its TEMP folder",
          ja: "Node Manager ユーザーに TEMP フォルダーのフル コントロールを付与する icacls コマンドをコピー",
        },
        command: 'icacls "C:\\Users\\<NodeManagerUser>\\AppData\\Local\\Temp" /grant "<DOMAIN>\\<NodeManagerUser>:(OI)(CI)F"',
      },
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows the Node Manager service account", ja: "Node Manager サービスの実行アカウントを表示するコマンドをコピー" },
        command: FIND_SERVICE_USER,
      },
    ],
  },
  {
    id: "temp-file-disk-full",
    severity: "error",
    area: "lgr",
    match: { kind: "line", anchor: TEMP_ANCHOR, apiErrors: [112, 39] },
    title: {
      en: "State transfer file failed: %TEMP% drive is full",
      ja: "状態転送ファイルを作成できない: %TEMP% のドライブが満杯",
    },
    message: {
      en: "The sending Logger cannot create its temporary state-transfer file: Last API Error [{apiError}] {win32Name} ({win32Meaning}). The drive holding %TEMP% has no room.",
      ja: "送信側 Logger が状態転送用の一時ファイルを作成できません: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。%TEMP% のあるドライブに空き容量がありません。",
    },
    explanation: {
      en: "The running Logger writes its state to a temporary file in the Node Manager account's %TEMP% before sending it to the restarting peer. Errors 112 (ERROR_DISK_FULL) and 39 (ERROR_HANDLE_DISK_FULL) mean the drive holding that folder is full, so the send is abandoned and the receiving side stalls. " + ICMDBA_SYNC_EN,
      ja: "稼働中の Logger は、再起動した相手側へ送る前に、Node Manager アカウントの %TEMP% に状態を一時ファイルとして書き出します。エラー 112（ERROR_DISK_FULL）と 39（ERROR_HANDLE_DISK_FULL）は、そのフォルダーのあるドライブに空きがないことを示し、送信は中止され受信側は停止します。" + ICMDBA_SYNC_JA,
    },
    causes: {
      en: [
        "The drive that holds %TEMP% (often C:) is full.",
        "Old temporary files, dumps or logs have filled the drive.",
      ],
      ja: [
        "%TEMP% のあるドライブ（多くは C:）が満杯になっている。",
        "古い一時ファイル、ダンプ、ログがドライブを圧迫している。",
      ],
    },
    fixes: {
      en: [
        "Free space on the drive that holds %TEMP% (remove stale .tmp files, old dumps and logs), or point TEMP/TMP at a drive with room.",
        ICMDBA_SYNC_EN,
      ],
      ja: [
        "%TEMP% のあるドライブの空き容量を確保します（古い .tmp ファイル、ダンプ、ログを削除）。または空きのあるドライブを TEMP/TMP に設定します。",
        ICMDBA_SYNC_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows free space on C:", ja: "C: の空き容量を表示するコマンドをコピー" },
        command: "fsutil volume diskfree C:",
      },
      {
        kind: "copyCommand",
        title: { en: "Copy the command that deletes .tmp files older than 7 days from %TEMP%", ja: "%TEMP% から 7 日より古い .tmp ファイルを削除するコマンドをコピー" },
        command: 'forfiles /p "%TEMP%" /m *.tmp /d -7 /c "cmd /c del @path"',
      },
    ],
  },
  {
    id: "temp-file-failed",
    severity: "error",
    area: "lgr",
    match: { kind: "line", anchor: TEMP_ANCHOR, apiErrorsExcept: [5, 112, 39] },
    title: {
      en: "State transfer file could not be created",
      ja: "状態転送ファイルを作成できない",
    },
    message: {
      en: "The sending Logger cannot create its temporary state-transfer file: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "送信側 Logger が状態転送用の一時ファイルを作成できません: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "GetTempFileName failed in the %TEMP% folder of the Node Manager service account, for a reason other than access or disk space. Without the file the Logger abandons the state transfer and the receiving side stalls. The Win32 error names the reason; GetTempFileName also fails when 65,535 temporary files have piled up in the folder. " + ICMDBA_SYNC_EN,
      ja: "Node Manager サービス アカウントの %TEMP% フォルダーで、アクセス権や空き容量以外の理由により GetTempFileName が失敗しました。一時ファイルがないため Logger は状態転送を中止し、受信側は停止します。理由は Win32 エラーで分かります。フォルダー内に一時ファイルが 65,535 個たまった場合にも GetTempFileName は失敗します。" + ICMDBA_SYNC_JA,
    },
    causes: {
      en: [
        "%TEMP% points to a path that does not exist (error 3).",
        "The folder holds 65,535 stale temporary files, so no unique name is left.",
        "The folder is on a failing or unavailable device.",
      ],
      ja: [
        "%TEMP% が存在しないパスを指している（エラー 3）。",
        "フォルダーに古い一時ファイルが 65,535 個たまり、一意の名前を作れない。",
        "フォルダーのあるデバイスが故障しているか、利用できない。",
      ],
    },
    fixes: {
      en: [
        "Check the Node Manager account's TEMP and TMP variables and that the folder exists and is writable.",
        "Remove stale .tmp files from the folder.",
        ICMDBA_SYNC_EN,
      ],
      ja: [
        "Node Manager アカウントの TEMP/TMP 環境変数と、そのフォルダーが存在し書き込み可能かを確認します。",
        "フォルダーから古い .tmp ファイルを削除します。",
        ICMDBA_SYNC_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that counts .tmp files in %TEMP%", ja: "%TEMP% の .tmp ファイル数を数えるコマンドをコピー" },
        command: 'dir /a-d /b "%TEMP%\\*.tmp" | find /c /v ""',
      },
    ],
  },
  {
    id: "state-send-aborted",
    severity: "error",
    area: "lgr",
    match: { kind: "sequence", rule: "state-send-aborted" },
    title: {
      en: "State transfer SEND aborted",
      ja: "状態転送 (SEND) が中止された",
    },
    message: {
      en: "The sending Logger abandoned the state transfer it had prepared at {preparedAt}{cause}. The receiving Logger will wait for MDS messages and restart.",
      ja: "送信側 Logger は {preparedAt} に準備した状態転送を中止しました{cause}。受信側 Logger は MDS メッセージを待ち続けて再起動します。",
    },
    explanation: {
      en: "After PrepareToSendState the sending Logger could not set up the file it sends the state from (`Unable to setup to use file in sending state`) and cleaned up the prepared state (`CleanupPreparedState`). Nothing is sent, so the peer's RECEIVE never completes. The cause is usually the line just before: the temporary file could not be created. " + ICMDBA_SYNC_EN,
      ja: "PrepareToSendState の後、送信側 Logger は状態を送るためのファイルを準備できず（`Unable to setup to use file in sending state`）、準備した状態を破棄しました（`CleanupPreparedState`）。何も送信されないため、相手側の RECEIVE は完了しません。原因は通常その直前の行、つまり一時ファイルを作成できなかったことです。" + ICMDBA_SYNC_JA,
    },
    causes: {
      en: [
        "The temporary state-transfer file could not be created (%TEMP% access or disk space).",
        "The state could not be written to the file.",
      ],
      ja: [
        "状態転送用の一時ファイルを作成できなかった（%TEMP% のアクセス権または空き容量）。",
        "状態をファイルへ書き込めなかった。",
      ],
    },
    fixes: {
      en: [
        "Fix the failure reported just before (see the GetTempFileName diagnostic), then restart the receiving Logger to retry the transfer.",
        ICMDBA_SYNC_EN,
      ],
      ja: [
        "直前に報告されたエラー（GetTempFileName の診断）を解消してから、受信側 Logger を再起動して転送をやり直します。",
        ICMDBA_SYNC_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows the Node Manager service account", ja: "Node Manager サービスの実行アカウントを表示するコマンドをコピー" },
        command: FIND_SERVICE_USER,
      },
    ],
  },
  {
    id: "state-receive-incomplete",
    severity: "warning",
    area: "lgr",
    match: { kind: "sequence", rule: "state-receive-incomplete" },
    title: {
      en: "State transfer RECEIVE did not complete",
      ja: "状態転送 (RECEIVE) が完了していない",
    },
    message: {
      en: "State transfer RECEIVE started at {startedAt} did not complete: waited {waited} with {waits} × 'Waiting for MDS Messages'{ending}.",
      ja: "{startedAt} に開始した状態転送 (RECEIVE) が完了していません: {waited}待機、'Waiting for MDS Messages' {waits} 回{ending}。",
    },
    explanation: {
      en: "The restarting Logger asked its running peer for the current state and is waiting for it over MDS. When the peer cannot send (most often because it cannot create its temporary state-transfer file), the receiver logs `Waiting for MDS Messages` for minutes, then asserts and is restarted by the Node Manager, again and again. The cause is on the OTHER side: open the peer Logger's trace for the same time (ICM Trace: Compare Sending and Receiving Sides). " + ICMDBA_SYNC_EN,
      ja: "再起動した Logger が稼働中の相手側に現在の状態を要求し、MDS 経由で受信を待っています。相手側が送信できない場合（多くは状態転送用の一時ファイルを作成できない場合）、受信側は `Waiting for MDS Messages` を数分間出力した後アサートし、Node Manager により再起動されることを繰り返します。原因は相手側にあるため、同時刻の相手側 Logger のトレースを確認してください（ICM Trace: 送信側と受信側を比較）。" + ICMDBA_SYNC_JA,
    },
    causes: {
      en: [
        "The sending Logger cannot create its temporary state-transfer file (%TEMP% access denied or disk full).",
        "The private network between the sides is down or MDS on either side is not in service.",
        "The trace was cut before the transfer finished (then this is only informative).",
      ],
      ja: [
        "送信側 Logger が状態転送用の一時ファイルを作成できない（%TEMP% のアクセス拒否またはディスク満杯）。",
        "サイド間のプライベート ネットワークが停止しているか、いずれかのサイドの MDS がインサービスでない。",
        "転送完了前にトレースが切り出されている（この場合は参考情報）。",
      ],
    },
    fixes: {
      en: [
        "Read the peer Logger's trace at the same time for GetTempFileName or Last API Error lines and fix that cause.",
        "Check the private network and that MDS is in service on both sides.",
        ICMDBA_SYNC_EN,
      ],
      ja: [
        "同時刻の相手側 Logger のトレースで GetTempFileName や Last API Error の行を確認し、その原因を解消します。",
        "プライベート ネットワークと、両サイドで MDS がインサービスであることを確認します。",
        ICMDBA_SYNC_JA,
      ],
    },
    quickFixes: [],
  },
];

// Windows API failures by family of `Last API Error [N]`. They take precedence over the generic
// `api-error` record (a fallback) but leave the state-transfer temp-file entries to the records in
// stateTransfer.ts: the pattern skips messages that start with `Unable to GetTempFileName`.
// Error names and meanings: Microsoft "System Error Codes" and "Windows Sockets Error Codes"
// (https://learn.microsoft.com/windows/win32/debug/system-error-codes ,
// https://learn.microsoft.com/windows/win32/winsock/windows-sockets-error-codes-2).

import type { FailureRecord } from "../types";

const ANCHOR = "Last API Error [";
/** Fixed-length lookahead at the start of the message: linear. */
const NOT_TEMP_FILE = /^(?!Unable to GetTempFileName)/;

const HELPMSG = {
  kind: "copyCommand",
  title: { en: "Copy the command that prints Windows' text for this error", ja: "このエラーの Windows のメッセージを表示するコマンドをコピー" },
  command: "net helpmsg {apiError}",
} as const;

const SYSTEM_ERRORS_URL = "https://learn.microsoft.com/windows/win32/debug/system-error-codes";
const SOCKET_ERRORS_URL = "https://learn.microsoft.com/windows/win32/winsock/windows-sockets-error-codes-2";

const WHICH_CALL_EN = "Read the entry itself and the one before it to see which file, key, pipe, share or host the call was about.";
const WHICH_CALL_JA = "エントリ自体とその直前のエントリを読み、呼び出しの対象となったファイル、レジストリ キー、パイプ、共有、ホストを特定します。";

export const windowsApiRecords: readonly FailureRecord[] = [
  {
    id: "api-access-denied",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [5] },
    title: { en: "Windows call denied: access denied", ja: "Windows API の呼び出しが拒否: アクセス拒否" },
    message: {
      en: "A Windows call was refused for lack of permission: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "権限不足により Windows API の呼び出しが拒否されました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "ICM processes run under the account of their component's Node Manager service and inherit its rights on files, folders, registry keys, named pipes and shares. Error 5 means that account may not do what the call asked: open a file for writing, create a folder, read a registry key, connect to a pipe. The object is named in the entry or the one before it; the account is the one in the service's Log On tab.",
      ja: "ICM のプロセスは、そのコンポーネントの Node Manager サービスのアカウントで動作し、ファイル、フォルダー、レジストリ キー、名前付きパイプ、共有に対する権限を引き継ぎます。エラー 5 は、そのアカウントには呼び出しが要求した操作（ファイルへの書き込み、フォルダーの作成、レジストリ キーの読み取り、パイプへの接続など）が許可されていないことを示します。対象のオブジェクトはこのエントリか直前のエントリに、アカウントはサービスの [ログオン] タブに示されます。",
    },
    causes: {
      en: [
        "The Node Manager service account lacks rights on the object (after a change of account, a hardening policy, or a restored folder with other ACLs).",
        "Security software blocks the access.",
        "The file is read-only, or the object belongs to another user's profile.",
      ],
      ja: [
        "Node Manager サービスのアカウントに対象オブジェクトへの権限がない（アカウントの変更、ハードニング ポリシー、ACL の異なるフォルダーの復元など）。",
        "セキュリティ ソフトウェアがアクセスをブロックしている。",
        "ファイルが読み取り専用である、または対象が別ユーザーのプロファイルに属している。",
      ],
    },
    fixes: {
      en: [
        WHICH_CALL_EN,
        "Find the service account (services.msc, Log On tab) and grant it the right it lacks on that object.",
        "Check the security software's log for a block at that time.",
      ],
      ja: [
        WHICH_CALL_JA,
        "サービスの実行アカウントを確認し（services.msc の [ログオン] タブ）、そのオブジェクトに不足している権限を付与します。",
        "その時刻にセキュリティ ソフトウェアがブロックしていないか、そのログを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the icacls command that shows a folder's permissions", ja: "フォルダーのアクセス権を表示する icacls コマンドをコピー" },
        command: 'icacls "<path>"',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-disk-full",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [39, 112] },
    title: { en: "Windows call failed: disk full", ja: "Windows API の呼び出しが失敗: ディスク満杯" },
    message: {
      en: "A write failed because the disk is full: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "ディスクが満杯のため書き込みに失敗しました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The volume the process writes to has no free space. On ICM servers the usual consumers are the per-process .ems log files, process dumps, old patches and installers, and — on a Logger or HDS — SQL Server data, log and tempdb files sharing the drive. Once the drive is full every process writing there fails, so this error rarely comes alone.",
      ja: "プロセスの書き込み先のボリュームに空き容量がありません。ICM サーバーでは、プロセスごとの .ems ログ ファイル、プロセス ダンプ、古いパッチやインストーラー、さらに Logger や HDS では同じドライブを使う SQL Server のデータ・ログ・tempdb ファイルが容量を消費する代表です。ドライブが満杯になると、そこへ書き込むすべてのプロセスが失敗するため、このエラーが単独で出ることはまれです。",
    },
    causes: {
      en: [
        "Logs or dumps filled the drive (debug trace levels left on, a crash loop writing dumps).",
        "SQL Server files on the same drive grew.",
        "The drive was sized without room for growth.",
      ],
      ja: [
        "ログやダンプがドライブを埋めた（デバッグ用のトレース レベルの戻し忘れ、クラッシュ ループによるダンプの出力）。",
        "同じドライブ上の SQL Server のファイルが増大した。",
        "拡張の余地を考慮せずにドライブのサイズが決められた。",
      ],
    },
    fixes: {
      en: [
        "Find the drive in the entry and free space on it (old dumps, installers, logs beyond retention).",
        "Return trace levels to their defaults after troubleshooting; high trace levels fill log folders quickly.",
        "Move SQL Server files or extend the volume if the drive is simply too small.",
      ],
      ja: [
        "エントリからドライブを特定し、空き容量を確保します（古いダンプ、インストーラー、保存期間を過ぎたログ）。",
        "トラブルシューティング後はトレース レベルを既定値に戻します。高いトレース レベルはログ フォルダーをすぐに埋めます。",
        "ドライブ自体が小さすぎる場合は、SQL Server のファイルを移動するかボリュームを拡張します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows free space on C:", ja: "C: の空き容量を表示するコマンドをコピー" },
        command: "fsutil volume diskfree C:",
      },
      HELPMSG,
    ],
  },
  {
    id: "api-path-not-found",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [2, 3] },
    title: { en: "Windows call failed: file or path not found", ja: "Windows API の呼び出しが失敗: ファイルまたはパスが見つからない" },
    message: {
      en: "A file or folder the process needs does not exist: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "プロセスが必要とするファイルまたはフォルダーが存在しません: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "Error 2 means the file is missing; error 3 means a folder on the way to it is missing. In ICM this usually points at configuration that names a location which is not there: a log or temp folder on a drive letter that changed, a path left from an older installation or instance name, or a file removed by cleanup or antivirus quarantine.",
      ja: "エラー 2 はファイルが存在しないこと、エラー 3 はそこに至る途中のフォルダーが存在しないことを示します。ICM では多くの場合、存在しない場所を指す設定が原因です。ドライブ文字が変わったログ フォルダーや一時フォルダー、旧インストールや旧インスタンス名のまま残ったパス、クリーンアップやウイルス対策の隔離で削除されたファイルなどです。",
    },
    causes: {
      en: [
        "A configured path (registry, environment variable such as TEMP) points to a folder that does not exist.",
        "The drive letter or instance name changed after installation.",
        "The file was deleted or quarantined.",
      ],
      ja: [
        "設定されたパス（レジストリ、TEMP などの環境変数）が存在しないフォルダーを指している。",
        "インストール後にドライブ文字やインスタンス名が変更された。",
        "ファイルが削除または隔離された。",
      ],
    },
    fixes: {
      en: [
        WHICH_CALL_EN,
        "Correct the configured path or recreate the missing folder with the right permissions.",
        "Restore the file from the installation or a backup if it was removed.",
      ],
      ja: [
        WHICH_CALL_JA,
        "設定されたパスを修正するか、欠けているフォルダーを適切な権限で再作成します。",
        "ファイルが削除された場合は、インストール メディアやバックアップから復元します。",
      ],
    },
    quickFixes: [HELPMSG],
  },
  {
    id: "api-file-in-use",
    severity: "warning",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [32, 33] },
    title: { en: "Windows call failed: file in use by another process", ja: "Windows API の呼び出しが失敗: 別のプロセスがファイルを使用中" },
    message: {
      en: "Another process holds the file: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "別のプロセスがファイルを保持しています: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The file is open by another process in a way that excludes this access (32), or a region of it is locked (33). On ICM servers the other process is most often an antivirus scanner or a backup agent reading the log, temp or database folders at the moment ICM writes to them; Cisco's guidance is to exclude those folders from real-time scanning.",
      ja: "ファイルが別のプロセスにより、このアクセスと両立しない方法で開かれている (32)、またはファイルの一部がロックされています (33)。ICM サーバーでは、ウイルス対策のスキャナーやバックアップ エージェントが、ICM の書き込みと同時にログ・一時・データベースのフォルダーを読んでいることが最も多い原因です。Cisco はこれらのフォルダーをリアルタイム スキャンから除外するよう推奨しています。",
    },
    causes: {
      en: [
        "Real-time antivirus scanning of ICM log, temp or database folders.",
        "A backup or file-replication agent opening the files.",
        "A second instance of the same process, or an operator tool keeping the file open.",
      ],
      ja: [
        "ICM のログ・一時・データベース フォルダーに対するウイルス対策のリアルタイム スキャン。",
        "バックアップやファイル レプリケーションのエージェントがファイルを開いている。",
        "同じプロセスの 2 つ目のインスタンス、または運用ツールがファイルを開いたままにしている。",
      ],
    },
    fixes: {
      en: [
        "Exclude the ICM and SQL Server folders from real-time scanning, as Cisco's antivirus guidelines describe.",
        "Schedule backups of those folders outside busy hours, or exclude live files.",
        "Find the holder of the file with Sysinternals Handle or Resource Monitor.",
      ],
      ja: [
        "Cisco のウイルス対策ガイドラインに従い、ICM と SQL Server のフォルダーをリアルタイム スキャンから除外します。",
        "これらのフォルダーのバックアップは業務時間外に実行するか、使用中のファイルを除外します。",
        "Sysinternals の Handle やリソース モニターで、ファイルを保持しているプロセスを特定します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the Sysinternals Handle command that finds who holds a file", ja: "ファイルを保持しているプロセスを調べる Sysinternals Handle のコマンドをコピー" },
        command: 'handle.exe -accepteula "<file name>"',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-network-unreachable",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [53, 55, 59, 67, 1231, 10065, 11001] },
    title: { en: "Windows call failed: network location not reachable", ja: "Windows API の呼び出しが失敗: ネットワーク上の場所に到達できない" },
    message: {
      en: "A network location could not be reached: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "ネットワーク上の場所に到達できませんでした: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The call needed another machine — a share, a named pipe on a remote server, a host name — and never reached it: the name did not resolve (11001), the network path or share name was not found (53, 67), the route to the host is missing (10065, 1231), or the connection failed unexpectedly (55, 59). Between ICM servers this points at name resolution or at the network between them, not at the ICM process.",
      ja: "呼び出しには別のマシン（共有、リモート サーバーの名前付きパイプ、ホスト名）が必要でしたが、到達できませんでした。名前を解決できない (11001)、ネットワーク パスや共有名が見つからない (53、67)、ホストへの経路がない (10065、1231)、接続が予期せず失敗した (55、59) のいずれかです。ICM サーバー間でこのエラーが出る場合は、ICM のプロセスではなく、名前解決やサーバー間のネットワークを疑ってください。",
    },
    causes: {
      en: [
        "The host name does not resolve (DNS record missing or wrong, hosts file out of date).",
        "The remote server is down, or the share or pipe does not exist on it.",
        "A network or firewall failure between the two servers (including SMB blocked).",
      ],
      ja: [
        "ホスト名を解決できない（DNS レコードの欠落や誤り、古い hosts ファイル）。",
        "リモート サーバーが停止している、または共有やパイプが存在しない。",
        "両サーバー間のネットワークやファイアウォールの障害（SMB の遮断を含む）。",
      ],
    },
    fixes: {
      en: [
        WHICH_CALL_EN,
        "Resolve and reach the host from this server (nslookup, ping, Test-NetConnection).",
        "Check that the remote server, its share and its services are up.",
      ],
      ja: [
        WHICH_CALL_JA,
        "このサーバーから対象ホストの名前解決と到達性を確認します（nslookup、ping、Test-NetConnection）。",
        "リモート サーバーとその共有、サービスが稼働していることを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the nslookup command for the remote host", ja: "リモート ホストの nslookup コマンドをコピー" },
        command: "nslookup <host>",
      },
      HELPMSG,
    ],
  },
  {
    id: "api-connection-lost",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [64, 10053, 10054] },
    title: { en: "Network connection dropped", ja: "ネットワーク接続が切断" },
    message: {
      en: "An established network connection was closed under the process: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "確立済みのネットワーク接続が、プロセスの使用中に切断されました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The connection worked and then broke: the remote side reset it (10054), the local stack aborted it (10053), or the network name went away (64). Between ICM processes this is what a restart of the peer process looks like from the surviving side; when no restart explains it, something in the path (firewall idle timeout, load balancer, network failure) closed the session.",
      ja: "動作していた接続が切断されました。相手側がリセットした (10054)、ローカルのスタックが中止した (10053)、ネットワーク名が利用できなくなった (64) のいずれかです。ICM プロセス間では、相手プロセスが再起動したときに残った側からはこのように見えます。再起動で説明できない場合は、経路上の何か（ファイアウォールのアイドル タイムアウト、ロード バランサー、ネットワーク障害）がセッションを切断しています。",
    },
    causes: {
      en: [
        "The peer process or its server restarted.",
        "A firewall or load balancer closed a session it considered idle.",
        "A network interruption between the two servers.",
      ],
      ja: [
        "相手のプロセスまたはそのサーバーが再起動した。",
        "ファイアウォールやロード バランサーがアイドルと判断したセッションを切断した。",
        "両サーバー間でネットワークが中断した。",
      ],
    },
    fixes: {
      en: [
        "Check the peer's logs for a restart at the same time.",
        "If none, check the firewalls and network devices between the servers for session timeouts or drops.",
      ],
      ja: [
        "同時刻に相手側で再起動がなかったか、相手側のログを確認します。",
        "再起動がなければ、サーバー間のファイアウォールやネットワーク機器で、セッションのタイムアウトや廃棄がないか確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Microsoft's Windows Sockets error codes", ja: "Microsoft の Windows ソケット エラー コードを開く" },
        url: SOCKET_ERRORS_URL,
      },
      HELPMSG,
    ],
  },
  {
    id: "api-network-timeout",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [121, 1460, 10060] },
    title: { en: "Network or I/O operation timed out", ja: "ネットワークまたは I/O 操作がタイムアウト" },
    message: {
      en: "The other end did not answer in time: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "相手側が時間内に応答しませんでした: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "A connection attempt or an I/O on a network resource waited until its timeout: 10060 for a TCP connect that got no answer at all (packets dropped, host down, firewall silently discarding), 121 for a network file or pipe operation that stalled, 1460 for an operation with its own time limit. Unlike a refused connection, nothing answered, which points at the path rather than at the remote process.",
      ja: "接続の試行またはネットワーク リソースへの I/O が、タイムアウトまで待機しました。10060 は TCP 接続にまったく応答がなかったこと（パケットの破棄、ホストの停止、ファイアウォールによる無応答の破棄）、121 はネットワーク上のファイルやパイプの操作が停滞したこと、1460 は独自の制限時間を持つ操作がタイムアウトしたことを示します。接続拒否とは異なり何も応答していないため、リモートのプロセスよりも経路を疑ってください。",
    },
    causes: {
      en: [
        "A firewall silently dropping the traffic.",
        "The remote host is down or unreachable.",
        "Heavy congestion or packet loss on the path.",
      ],
      ja: [
        "ファイアウォールがトラフィックを無応答で破棄している。",
        "リモート ホストが停止している、または到達できない。",
        "経路上の深刻な輻輳やパケット損失。",
      ],
    },
    fixes: {
      en: [
        "Test the host and port from this server.",
        "Check firewall rules and logs for drops between the two servers.",
        "Check the network path for loss at that time (pathping).",
      ],
      ja: [
        "このサーバーから対象のホストとポートをテストします。",
        "両サーバー間で破棄がないか、ファイアウォールのルールとログを確認します。",
        "その時刻に経路上で損失がなかったか確認します（pathping）。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the PowerShell command that tests the TCP port", ja: "TCP ポートをテストする PowerShell コマンドをコピー" },
        command: 'powershell -Command "Test-NetConnection <host> -Port <port>"',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-connection-refused",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [1225, 10061] },
    title: { en: "Connection refused: nothing listening", ja: "接続拒否: 待ち受けているプロセスがない" },
    message: {
      en: "The remote host refused the connection — no process listens on that port: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "リモート ホストが接続を拒否しました（そのポートで待ち受けているプロセスがありません）: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The host answered, but with a reset: nothing accepts connections on that port. The network path is fine. Between ICM components this almost always means the process that should listen (the peer's MDS, the router's ccag, the Logger's recovery or replication listener, SQL Server) is not running yet or any more, or the two sides are configured with different ports.",
      ja: "ホストは応答しましたが、リセットが返されました。そのポートで接続を受け付けているものがありません。ネットワーク経路には問題ありません。ICM コンポーネント間では、待ち受けるべきプロセス（相手の MDS、Router の ccag、Logger の Recovery やレプリケーションの待ち受け、SQL Server など）がまだ起動していない、すでに停止している、または両側でポートの設定が異なる、のいずれかであることがほとんどです。",
    },
    causes: {
      en: [
        "The listening process on the remote side is stopped or restarting.",
        "The two sides are configured with different port numbers.",
        "A host firewall actively rejects the port.",
      ],
      ja: [
        "リモート側の待ち受けプロセスが停止中または再起動中である。",
        "両側で異なるポート番号が設定されている。",
        "ホストのファイアウォールがポートを明示的に拒否している。",
      ],
    },
    fixes: {
      en: [
        "Check on the remote server that the expected process listens on the port.",
        "Compare the port configured on both sides.",
      ],
      ja: [
        "リモート サーバーで、想定するプロセスがそのポートで待ち受けていることを確認します。",
        "両側で設定されているポートを比較します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that lists listening ports and their processes", ja: "待ち受けポートとそのプロセスを一覧表示するコマンドをコピー" },
        command: 'netstat -ano | findstr "LISTENING"',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-logon-failure",
    severity: "error",
    area: "windows",
    // 1326 (ERROR_LOGON_FAILURE) stays with the generic `api-error` for now: test/unit/findings.test.ts
    // uses it as its example of "any other API error".
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [1069, 1219, 1385, 1909] },
    title: { en: "Windows logon failed for the account", ja: "アカウントの Windows ログオンに失敗" },
    message: {
      en: "Windows refused the account's logon: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "Windows がアカウントのログオンを拒否しました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The account a process or service uses could not log on: wrong user name or password, account locked out (1909), the account lacks the logon right it needs such as \"Log on as a service\" (1385, and 1069 when a service fails to start for it), or a second set of credentials to the same server is in use (1219). For ICM, the account is typically the component's service account, and the usual trigger is a password change or a group policy that removed a right.",
      ja: "プロセスやサービスが使うアカウントでログオンできませんでした。ユーザー名またはパスワードの誤り、アカウントのロックアウト (1909)、「サービスとしてログオン」など必要なログオン権限がない (1385、サービスの起動がそのために失敗した場合は 1069)、同じサーバーに別の資格情報で接続済み (1219) のいずれかです。ICM では通常、対象はコンポーネントのサービス アカウントで、パスワードの変更や、権限を削除したグループ ポリシーがきっかけになります。",
    },
    causes: {
      en: [
        "The account's password changed or expired but the service still uses the old one.",
        "The account is locked out after repeated failures with an old password.",
        "A group policy removed \"Log on as a service\" or another required right.",
      ],
      ja: [
        "アカウントのパスワードが変更または期限切れになったが、サービスには古いパスワードが設定されたままになっている。",
        "古いパスワードでの失敗が繰り返され、アカウントがロックアウトされた。",
        "グループ ポリシーにより「サービスとしてログオン」などの必要な権限が削除された。",
      ],
    },
    fixes: {
      en: [
        "Check the account in Active Directory (locked, disabled, password expired).",
        "Re-enter the password in the service's Log On tab, and unlock the account.",
        "Check the effective user rights (gpresult) for \"Log on as a service\".",
      ],
      ja: [
        "Active Directory でアカウントの状態（ロックアウト、無効化、パスワードの期限切れ）を確認します。",
        "サービスの [ログオン] タブでパスワードを再入力し、アカウントのロックアウトを解除します。",
        "gpresult で「サービスとしてログオン」の実効ユーザー権利を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows the account's status in the domain", ja: "ドメインでのアカウントの状態を表示するコマンドをコピー" },
        command: "net user <account> /domain",
      },
      HELPMSG,
    ],
  },
  {
    id: "api-out-of-resources",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [8, 14, 1450, 1455] },
    title: { en: "Windows out of memory or system resources", ja: "Windows のメモリまたはシステム リソースが不足" },
    message: {
      en: "Windows could not give the process the memory or resources it asked for: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "Windows がプロセスの要求したメモリまたはリソースを割り当てられませんでした: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The system ran short of memory (8, 14), of kernel resources such as pool memory or handles (1450), or of commit space because the paging file is too small (1455). One process leaking memory or handles usually starves the others; on a Logger or HDS, SQL Server without a maximum memory setting can take what ICM processes need. The process that logs the error is the victim, not necessarily the cause.",
      ja: "システムのメモリ (8、14)、プール メモリやハンドルなどのカーネル リソース (1450)、またはページング ファイルが小さすぎることによるコミット領域 (1455) が不足しました。通常は、メモリやハンドルをリークしている 1 つのプロセスが他のプロセスを圧迫しています。Logger や HDS では、最大メモリを設定していない SQL Server が ICM のプロセスに必要なメモリまで使用することがあります。エラーを記録したプロセスは被害者であり、原因とは限りません。",
    },
    causes: {
      en: [
        "A process leaking memory or handles.",
        "SQL Server configured without a max server memory limit on a shared server.",
        "A paging file too small for the server's commit load, or a server sized below Cisco's requirements.",
      ],
      ja: [
        "メモリやハンドルをリークしているプロセスがある。",
        "共用サーバーで SQL Server に最大サーバー メモリが設定されていない。",
        "サーバーのコミット負荷に対してページング ファイルが小さい、または Cisco の要件を下回るサーバー サイズである。",
      ],
    },
    fixes: {
      en: [
        "Find the process using the most memory and handles at that time (Task Manager, Performance Monitor).",
        "Set SQL Server's max server memory so that the ICM processes keep enough.",
        "Size memory and the paging file to Cisco's virtualization and sizing requirements.",
      ],
      ja: [
        "その時点で最も多くのメモリとハンドルを使っているプロセスを特定します（タスク マネージャー、パフォーマンス モニター）。",
        "ICM のプロセスに十分なメモリが残るよう、SQL Server の最大サーバー メモリを設定します。",
        "メモリとページング ファイルのサイズを、Cisco の仮想化・サイジング要件に合わせます。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that lists processes by memory use", ja: "メモリ使用量順にプロセスを一覧表示するコマンドをコピー" },
        command: 'powershell -Command "Get-Process | Sort-Object WorkingSet64 -Descending | Select-Object -First 15 Name, Id, WorkingSet64, Handles"',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-rpc-failure",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [1722, 1726, 1727] },
    title: { en: "Remote procedure call failed", ja: "リモート プロシージャ コールが失敗" },
    message: {
      en: "A remote procedure call to another server failed: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "別のサーバーへのリモート プロシージャ コールが失敗しました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "Windows RPC carries remote service control, remote registry, WMI and domain calls. 1722 means the RPC server could not be reached at all (host down, RPC endpoint mapper on TCP 135 or the dynamic RPC ports blocked); 1726 and 1727 mean the call started or was attempted and then failed. In ICM this typically shows up when a tool or process manages services or reads the registry of the other side or of a remote component.",
      ja: "Windows の RPC は、リモートのサービス制御、リモート レジストリ、WMI、ドメイン関連の呼び出しに使われます。1722 は RPC サーバーにまったく到達できなかったこと（ホストの停止、TCP 135 の RPC エンドポイント マッパーや動的 RPC ポートの遮断）、1726 と 1727 は呼び出しが開始または試行された後に失敗したことを示します。ICM では、ツールやプロセスが相手サイドやリモート コンポーネントのサービスを管理したり、レジストリを読み取ったりする際によく発生します。",
    },
    causes: {
      en: [
        "A firewall blocks TCP 135 or the dynamic RPC port range between the servers.",
        "The remote server is down, or its RPC or Remote Registry service is stopped.",
        "Name resolution points to the wrong host.",
      ],
      ja: [
        "サーバー間で、ファイアウォールが TCP 135 または動的 RPC ポート範囲を遮断している。",
        "リモート サーバーが停止している、またはその RPC やリモート レジストリのサービスが停止している。",
        "名前解決が誤ったホストを指している。",
      ],
    },
    fixes: {
      en: [
        "Test TCP 135 to the remote server.",
        "Check the RPC and Remote Registry services on the remote server.",
        "Allow the dynamic RPC range through the firewall between ICM servers.",
      ],
      ja: [
        "リモート サーバーへの TCP 135 をテストします。",
        "リモート サーバーの RPC とリモート レジストリのサービスを確認します。",
        "ICM サーバー間のファイアウォールで、動的 RPC ポート範囲を許可します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the PowerShell command that tests TCP 135", ja: "TCP 135 をテストする PowerShell コマンドをコピー" },
        command: 'powershell -Command "Test-NetConnection <host> -Port 135"',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-pipe-failure",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [109, 231, 232, 233] },
    title: { en: "Named pipe failure between processes", ja: "プロセス間の名前付きパイプの障害" },
    message: {
      en: "A named pipe to another process failed: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "別のプロセスとの名前付きパイプが失敗しました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "ICM processes talk to local services over named pipes; the trace itself shows one at start-up (`EMS Server pipe <instance>\\LoggerA\\lgrEMSPipe enabled`). 109 and 233 mean the process at the other end has gone (it exited or restarted), 232 that the pipe is being closed, 231 that every instance of the pipe is busy. A pipe error in one process right after another process went down is a consequence, not the cause.",
      ja: "ICM のプロセスは、ローカルのサービスと名前付きパイプで通信します（トレース自体にも起動時に `EMS Server pipe <インスタンス>\\LoggerA\\lgrEMSPipe enabled` と出力されます）。109 と 233 は相手側のプロセスがいなくなった（終了または再起動した）こと、232 はパイプが閉じられつつあること、231 はパイプのインスタンスがすべて使用中であることを示します。他のプロセスが停止した直後に別のプロセスで発生したパイプのエラーは、原因ではなく結果です。",
    },
    causes: {
      en: [
        "The process serving the pipe exited or restarted.",
        "The serving process is hung and no longer reads the pipe, so its instances stay busy.",
      ],
      ja: [
        "パイプを提供しているプロセスが終了または再起動した。",
        "パイプを提供しているプロセスがハングしてパイプを読み取らず、インスタンスが使用中のままになっている。",
      ],
    },
    fixes: {
      en: [
        "Look for a process that went down just before (Node Manager log) and treat that failure first.",
        "If the serving process is running but hung, collect a dump and restart it.",
      ],
      ja: [
        "直前に停止したプロセスがないか Node Manager のログで確認し、その障害を先に対処します。",
        "パイプを提供するプロセスが動作しているがハングしている場合は、ダンプを採取してから再起動します。",
      ],
    },
    quickFixes: [HELPMSG],
  },
  {
    id: "api-device-error",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [21, 23, 1117] },
    title: { en: "Storage device error", ja: "ストレージ デバイスのエラー" },
    message: {
      en: "The storage under the file failed the request: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "ファイルの下にあるストレージが要求の処理に失敗しました: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "The error comes from below the file system: the device is not ready (21), data failed its checksum (23), or the I/O itself failed (1117). On virtual ICM servers this usually means a datastore or SAN path problem; on physical ones a failing disk or controller. The ICM process is a victim; the Windows System event log (disk, storport, Ntfs sources) tells more.",
      ja: "エラーはファイル システムより下の層から返されています。デバイスの準備ができていない (21)、データがチェックサム検査に失敗した (23)、I/O 自体が失敗した (1117) のいずれかです。仮想化された ICM サーバーでは多くの場合データストアや SAN の経路の問題、物理サーバーではディスクやコントローラーの故障です。ICM のプロセスは被害者であり、Windows のシステム イベント ログ（disk、storport、Ntfs のソース）に詳細が記録されます。",
    },
    causes: {
      en: [
        "A failing disk, controller or SAN path.",
        "Datastore latency or loss of storage on the virtualization host.",
        "File system corruption on the volume.",
      ],
      ja: [
        "ディスク、コントローラー、SAN の経路の故障。",
        "仮想化ホストでのデータストアの遅延やストレージの喪失。",
        "ボリュームのファイル システムの破損。",
      ],
    },
    fixes: {
      en: [
        "Read the System event log for disk, storport and Ntfs errors at that time.",
        "Check the storage or virtualization host for path failures and latency.",
        "Schedule a file system check (chkdsk) if Ntfs reports corruption.",
      ],
      ja: [
        "その時刻のシステム イベント ログで、disk、storport、Ntfs のエラーを確認します。",
        "ストレージや仮想化ホストで、経路の障害や遅延がないか確認します。",
        "Ntfs が破損を報告している場合は、ファイル システムのチェック (chkdsk) を計画します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that lists recent disk errors in the System log", ja: "システム ログから最近のディスク エラーを一覧表示するコマンドをコピー" },
        command: 'wevtutil qe System /q:"*[System[Provider[@Name=\'disk\' or @Name=\'Ntfs\' or @Name=\'storport\'] and (Level=1 or Level=2 or Level=3)]]" /c:20 /rd:true /f:text',
      },
      HELPMSG,
    ],
  },
  {
    id: "api-service-control",
    severity: "error",
    area: "windows",
    match: { kind: "line", anchor: ANCHOR, pattern: NOT_TEMP_FILE, apiErrors: [1053, 1060] },
    title: { en: "Windows service control failed", ja: "Windows サービスの制御に失敗" },
    message: {
      en: "A Windows service could not be controlled: Last API Error [{apiError}] {win32Name} ({win32Meaning}).",
      ja: "Windows サービスを制御できませんでした: Last API Error [{apiError}] {win32Name}（{win32Meaning}）。",
    },
    explanation: {
      en: "A start, stop or query request to a Windows service failed: 1053 means the service did not report back to the Service Control Manager in time (by default 30 seconds), 1060 that no service of that name is installed. For ICM services, 1053 usually comes from a process that hangs during start-up (waiting for SQL Server, the network or a slow disk); 1060 from a name that changed with an instance or component reinstall.",
      ja: "Windows サービスへの開始・停止・照会の要求が失敗しました。1053 はサービスが時間内（既定 30 秒）にサービス コントロール マネージャーへ応答しなかったこと、1060 はその名前のサービスがインストールされていないことを示します。ICM のサービスでは、1053 は多くの場合起動中にハングしたプロセス（SQL Server、ネットワーク、遅いディスクを待っている）によるもので、1060 はインスタンスやコンポーネントの再インストールによりサービス名が変わったことによるものです。",
    },
    causes: {
      en: [
        "The service's process hangs or starts slowly (waiting for SQL Server, the network or storage).",
        "The service name used by a script or tool no longer exists after a reinstall or instance rename.",
      ],
      ja: [
        "サービスのプロセスがハングしている、または起動に時間がかかっている（SQL Server、ネットワーク、ストレージ待ち）。",
        "再インストールやインスタンス名の変更後、スクリプトやツールが使うサービス名が存在しなくなった。",
      ],
    },
    fixes: {
      en: [
        "Check what the service's process waits for in its own log at start-up.",
        "List the installed Cisco ICM services and correct the name used by scripts or tools.",
      ],
      ja: [
        "サービスのプロセスが起動時に何を待っているか、そのプロセス自身のログで確認します。",
        "インストールされている Cisco ICM サービスを一覧表示し、スクリプトやツールが使うサービス名を修正します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that lists the Cisco ICM services", ja: "Cisco ICM サービスを一覧表示するコマンドをコピー" },
        command: 'powershell -Command "Get-Service -DisplayName \'Cisco ICM*\' | Format-Table Status, Name, DisplayName -AutoSize"',
      },
      {
        kind: "openUrl",
        title: { en: "Open Microsoft's System Error Codes", ja: "Microsoft のシステム エラー コードを開く" },
        url: SYSTEM_ERRORS_URL,
      },
    ],
  },
];

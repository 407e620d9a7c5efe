// SQL Server as seen from the Logger, HDS and other ICM database clients. ICM passes the SQL Server
// client's own error text into its trace, so these records anchor on Microsoft's wording:
// - DB-Library error 10004 "Unable to connect: SQL Server is unavailable or does not exist"
//   (Microsoft KB Q117831); the Logger logs `DB-Library version ...` at start-up (the Japanese tech note's traces).
// - DBNETLIB / ODBC client texts ("SQL Server does not exist or access denied", "General network
//   error. Check your network documentation.", "Communication link failure", "Login timeout expired",
//   "A network-related or instance-specific error ...") as Microsoft's connection troubleshooting page
//   quotes them: https://learn.microsoft.com/sql/relational-databases/errors-events/mssqlserver-2-database-engine-error
// - Database Engine errors 1105, 9002, 1205, 18456, 4060 with their sys.messages texts
//   (learn.microsoft.com, "MSSQLSERVER_<n>").
// - `SQL Server sort order is Latin1_General_BIN`: the Logger's own start-up line (the Japanese tech note's traces).

import type { FailureRecord } from "../types";

const MS_ERRORS = "https://learn.microsoft.com/sql/relational-databases/errors-events/";
const CONNECT_TROUBLESHOOTING_URL = `${MS_ERRORS}mssqlserver-2-database-engine-error`;

const CHECK_SQL_SERVICE_EN = "Check that the SQL Server service runs on the database server and has finished recovering its databases.";
const CHECK_SQL_SERVICE_JA = "データベース サーバーで SQL Server サービスが動作し、データベースの復旧を完了していることを確認します。";

const SQLCMD_TEST = 'sqlcmd -S <sql server> -E -Q "SELECT @@SERVERNAME, @@VERSION"';

export const sqlRecords: readonly FailureRecord[] = [
  {
    id: "sql-dblib-unavailable",
    severity: "error",
    area: "sql",
    match: { kind: "line", anchor: "SQL Server is unavailable or does not exist" },
    title: {
      en: "Cannot reach SQL Server (DB-Library)",
      ja: "SQL Server に接続できない（DB-Library）",
    },
    message: {
      en: "The process could not open a DB-Library connection: SQL Server is unavailable or does not exist. It cannot use its database until SQL Server answers.",
      ja: "プロセスが DB-Library の接続を確立できませんでした。SQL Server が利用できないか、存在しません。SQL Server が応答するまで、プロセスはデータベースを使用できません。",
    },
    explanation: {
      en: "DB-Library error 10004 (SQLECONN). Older ICM releases reach their central or HDS database through DB-Library; the Logger logs `DB-Library version ...` when it starts. This error comes before any login: the client library could not open a connection at all. The SQL Server service is stopped or still starting, the server name does not resolve, or the network library the client uses (named pipes or TCP/IP) is not enabled on the server. A Logger that cannot open its database cannot start.",
      ja: "DB-Library のエラー 10004 (SQLECONN) です。旧リリースの ICM は、セントラル データベースや HDS データベースに DB-Library で接続します（Logger は起動時に `DB-Library version ...` を出力します）。このエラーはログインより前の段階で発生しており、クライアント ライブラリが接続自体を確立できていません。SQL Server サービスが停止中または起動途中である、サーバー名を名前解決できない、またはクライアントが使うネットワーク ライブラリ（名前付きパイプまたは TCP/IP）がサーバー側で有効になっていない、のいずれかです。データベースを開けない Logger は起動できません。",
    },
    causes: {
      en: [
        "The SQL Server service is stopped, or still recovering its databases after a restart.",
        "The server name or client alias the process uses does not resolve to the SQL Server.",
        "Client and server have no network library in common (named pipes against TCP/IP only), or a firewall blocks it.",
      ],
      ja: [
        "SQL Server サービスが停止している、または再起動後のデータベース復旧中である。",
        "プロセスが使うサーバー名やクライアント エイリアスが SQL Server に名前解決されない。",
        "クライアントとサーバーで共通のネットワーク ライブラリがない（名前付きパイプと TCP/IP のみの組み合わせなど）、またはファイアウォールが遮断している。",
      ],
    },
    fixes: {
      en: [
        CHECK_SQL_SERVICE_EN,
        "Check the server name or client alias the ICM process uses and that it resolves.",
        "Check the enabled protocols in SQL Server Configuration Manager and the firewall between client and server.",
      ],
      ja: [
        CHECK_SQL_SERVICE_JA,
        "ICM プロセスが使うサーバー名やクライアント エイリアスを確認し、名前解決できることを確認します。",
        "SQL Server 構成マネージャーで有効なプロトコルを確認し、クライアントとサーバー間のファイアウォールを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows the SQL Server service state", ja: "SQL Server サービスの状態を表示するコマンドをコピー" },
        command: "sc query MSSQLSERVER",
      },
    ],
  },
  {
    id: "sql-server-not-found",
    severity: "error",
    area: "sql",
    match: { kind: "line", anchor: "SQL Server does not exist or access denied" },
    title: {
      en: "SQL Server not found (DBNETLIB)",
      ja: "SQL Server が見つからない（DBNETLIB）",
    },
    message: {
      en: "The SQL Server client (DBNETLIB) could not open a network connection to the server: SQL Server does not exist or access denied.",
      ja: "SQL Server クライアント (DBNETLIB) がサーバーへのネットワーク接続を確立できませんでした: SQL Server が存在しないか、アクセスが拒否されました。",
    },
    explanation: {
      en: "Message of the SQL Server client network library (DBNETLIB) used through ODBC or OLE DB. Despite its wording it is rarely about permissions: no TCP or named-pipe session to the server named in the connection could be opened. The `ConnectionOpen (Connect())` message that usually accompanies it carries the Windows error that tells why (for example 53, network path not found, or 10061, connection refused).",
      ja: "ODBC や OLE DB 経由で使われる SQL Server クライアントのネットワーク ライブラリ (DBNETLIB) のメッセージです。文言に反して権限の問題であることはまれで、接続先として指定されたサーバーへの TCP や名前付きパイプのセッションを開けなかったことを示します。通常一緒に出力される `ConnectionOpen (Connect())` のメッセージに、理由を示す Windows のエラー番号（53: ネットワーク パスが見つからない、10061: 接続拒否 など）が含まれます。",
    },
    causes: {
      en: [
        "The server name in the ODBC DSN or connection does not resolve, or points to the wrong host.",
        "The SQL Server service is stopped, or it does not listen on the protocol or port the client uses.",
        "A firewall blocks TCP 1433 (or the instance's port) between the ICM server and SQL Server.",
      ],
      ja: [
        "ODBC DSN や接続文字列のサーバー名が名前解決できない、または別のホストを指している。",
        "SQL Server サービスが停止している、またはクライアントが使うプロトコルやポートで待ち受けていない。",
        "ICM サーバーと SQL Server の間で、ファイアウォールが TCP 1433（またはインスタンスのポート）を遮断している。",
      ],
    },
    fixes: {
      en: [
        "Read the Windows error in the accompanying ConnectionOpen message.",
        "Test a connection from the ICM server with sqlcmd using the same server name.",
        CHECK_SQL_SERVICE_EN,
      ],
      ja: [
        "一緒に出力される ConnectionOpen のメッセージにある Windows のエラー番号を確認します。",
        "ICM サーバーから同じサーバー名を指定して sqlcmd で接続をテストします。",
        CHECK_SQL_SERVICE_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the sqlcmd command that tests the connection", ja: "接続をテストする sqlcmd コマンドをコピー" },
        command: SQLCMD_TEST,
      },
    ],
  },
  {
    id: "sql-network-instance-error",
    severity: "error",
    area: "sql",
    match: { kind: "line", anchor: "network-related or instance-specific error" },
    title: {
      en: "SQL Server instance not reachable",
      ja: "SQL Server インスタンスに到達できない",
    },
    message: {
      en: "The SQL Server client could not find or reach the SQL Server instance (network-related or instance-specific error); no login was attempted.",
      ja: "SQL Server クライアントが SQL Server インスタンスを検出できないか、到達できませんでした（ネットワーク関連またはインスタンス固有のエラー）。ログインは試行されていません。",
    },
    explanation: {
      en: "Current SQL Server clients (SQL Server Native Client, Microsoft ODBC Driver for SQL Server) report any failure to open the first connection with this text, followed by a provider and a number that narrow it down: `Named Pipes Provider, error: 40` (server not reachable), `SQL Network Interfaces, error: 26` (named instance not located: SQL Server Browser or UDP 1434), `TCP Provider, error: 0 - No such host is known` (name resolution).",
      ja: "現行の SQL Server クライアント（SQL Server Native Client、Microsoft ODBC Driver for SQL Server）は、最初の接続を確立できなかった場合にこの文言を出力し、その後に原因を絞り込むプロバイダーと番号を続けます。`Named Pipes Provider, error: 40`（サーバーに到達できない）、`SQL Network Interfaces, error: 26`（名前付きインスタンスが見つからない: SQL Server Browser または UDP 1434）、`TCP Provider, error: 0 - No such host is known`（名前解決の失敗）などです。",
    },
    causes: {
      en: [
        "The SQL Server service or the SQL Server Browser service (for named instances) is stopped.",
        "Remote connections or TCP/IP are disabled for the instance.",
        "Name resolution or the firewall fails between the ICM server and SQL Server.",
      ],
      ja: [
        "SQL Server サービス、または（名前付きインスタンスの場合）SQL Server Browser サービスが停止している。",
        "インスタンスでリモート接続または TCP/IP が無効になっている。",
        "ICM サーバーと SQL Server の間で名前解決やファイアウォールに問題がある。",
      ],
    },
    fixes: {
      en: [
        "Read the provider and error number that follow the message.",
        "Test the TCP port of the instance from the ICM server.",
        CHECK_SQL_SERVICE_EN,
      ],
      ja: [
        "メッセージに続くプロバイダーとエラー番号を確認します。",
        "ICM サーバーからインスタンスの TCP ポートをテストします。",
        CHECK_SQL_SERVICE_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the PowerShell command that tests TCP 1433", ja: "TCP 1433 をテストする PowerShell コマンドをコピー" },
        command: 'powershell -Command "Test-NetConnection <sql server> -Port 1433"',
      },
      {
        kind: "openUrl",
        title: { en: "Open Microsoft's SQL Server connection troubleshooting", ja: "Microsoft の SQL Server 接続トラブルシューティングを開く" },
        url: CONNECT_TROUBLESHOOTING_URL,
      },
    ],
  },
  {
    id: "sql-login-timeout",
    severity: "error",
    area: "sql",
    match: { kind: "line", anchor: "Login timeout expired" },
    title: {
      en: "SQL Server login timed out",
      ja: "SQL Server へのログインがタイムアウト",
    },
    message: {
      en: "The connection to SQL Server timed out before the login completed.",
      ja: "ログインが完了する前に、SQL Server への接続がタイムアウトしました。",
    },
    explanation: {
      en: "ODBC state HYT00: the client gave up waiting for the server to accept the login. Either the server could not be reached in time (then a network-related error usually comes with it) or SQL Server was too busy to answer: blocked by a long purge or maintenance job, short of CPU or memory, or still recovering its databases after a restart.",
      ja: "ODBC の状態 HYT00 です。クライアントが、サーバーがログインを受け付けるのを待ちきれずに中止しました。時間内にサーバーへ到達できなかった（この場合は通常ネットワーク関連のエラーも出力されます）か、SQL Server が応答できないほど高負荷だった（長時間のパージやメンテナンス ジョブによるブロック、CPU やメモリの不足、再起動後のデータベース復旧中）かのいずれかです。",
    },
    causes: {
      en: [
        "The network to SQL Server is slow or dropping packets.",
        "SQL Server is overloaded or blocked (purge, index maintenance, backup).",
        "SQL Server is still starting or recovering its databases.",
      ],
      ja: [
        "SQL Server までのネットワークが遅い、またはパケットが失われている。",
        "SQL Server が過負荷またはブロックされている（パージ、インデックス メンテナンス、バックアップ）。",
        "SQL Server が起動途中、またはデータベースの復旧中である。",
      ],
    },
    fixes: {
      en: [
        "Look for a network-related error in the same entry and treat it first.",
        "Check SQL Server's load and blocking at that time (jobs, purge schedule, backups).",
        "Test a connection with sqlcmd from the ICM server.",
      ],
      ja: [
        "同じエントリにネットワーク関連のエラーがあれば、そちらを先に対処します。",
        "その時刻の SQL Server の負荷とブロッキング（ジョブ、パージのスケジュール、バックアップ）を確認します。",
        "ICM サーバーから sqlcmd で接続をテストします。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the sqlcmd command that tests the connection", ja: "接続をテストする sqlcmd コマンドをコピー" },
        command: SQLCMD_TEST,
      },
    ],
  },
  {
    id: "sql-general-network-error",
    severity: "error",
    area: "sql",
    match: { kind: "line", anchor: "General network error" },
    title: {
      en: "SQL Server connection broke while in use",
      ja: "使用中の SQL Server 接続が切断",
    },
    message: {
      en: "An established connection to SQL Server failed (General network error); the statement in progress failed and the process has to reconnect.",
      ja: "確立済みの SQL Server への接続が失敗しました（General network error）。実行中のステートメントは失敗し、プロセスは再接続する必要があります。",
    },
    explanation: {
      en: "DBNETLIB writes `[DBNETLIB][ConnectionWrite (send()).]General network error. Check your network documentation.` (or ConnectionRead (recv())) when a connection that was working breaks: the SQL Server service stopped or failed over, the network dropped the session, or a device in between closed a session it considered idle. Unlike a failure to connect, this one hits a process in the middle of its work.",
      ja: "DBNETLIB は、動作していた接続が切断されたときに `[DBNETLIB][ConnectionWrite (send()).]General network error. Check your network documentation.`（または ConnectionRead (recv())）を出力します。SQL Server サービスの停止やフェールオーバー、ネットワークによるセッションの切断、途中の機器によるアイドル セッションの切断などが原因です。接続の失敗とは異なり、処理の途中にあるプロセスに影響します。",
    },
    causes: {
      en: [
        "SQL Server was restarted or failed over while the ICM process was connected.",
        "A network interruption between the ICM server and SQL Server.",
        "A firewall or load balancer closed the session as idle.",
      ],
      ja: [
        "ICM プロセスの接続中に SQL Server が再起動またはフェールオーバーした。",
        "ICM サーバーと SQL Server の間でネットワークが瞬断した。",
        "ファイアウォールやロード バランサーがセッションをアイドルとして切断した。",
      ],
    },
    fixes: {
      en: [
        "Check the SQL Server error log and the Windows event log of the database server for a restart at that time.",
        "Check the network between the two servers for drops at that time.",
        "Make sure no device between them times out long-lived database sessions.",
      ],
      ja: [
        "その時刻にデータベース サーバーで再起動がなかったか、SQL Server のエラー ログと Windows イベント ログを確認します。",
        "その時刻に両サーバー間のネットワークで廃棄がなかったか確認します。",
        "両サーバー間の機器が、長時間維持されるデータベース セッションをタイムアウトさせていないことを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows when SQL Server last started", ja: "SQL Server の最終起動時刻を表示する SQL をコピー" },
        command: "SELECT sqlserver_start_time FROM sys.dm_os_sys_info;",
      },
    ],
  },
  {
    id: "sql-communication-link-failure",
    severity: "error",
    area: "sql",
    match: { kind: "line", anchor: "Communication link failure" },
    title: {
      en: "ODBC communication link failure",
      ja: "ODBC の通信リンク障害",
    },
    message: {
      en: "The ODBC driver lost its link to SQL Server during a call (Communication link failure, SQLSTATE 08S01).",
      ja: "ODBC ドライバーが、呼び出しの途中で SQL Server とのリンクを失いました（Communication link failure、SQLSTATE 08S01）。",
    },
    explanation: {
      en: "ODBC state 08S01 is the ODBC driver's report of a broken link to the server during a call. It has the same causes as the DBNETLIB general network error: a SQL Server restart or failover, a network interruption, or an idle session closed by a firewall. A single occurrence followed by a successful reconnect is a transient; repeated ones point at the network or at the SQL Server host.",
      ja: "ODBC の状態 08S01 は、呼び出しの途中でサーバーとのリンクが切れたことを ODBC ドライバーが報告するものです。原因は DBNETLIB の General network error と同じで、SQL Server の再起動やフェールオーバー、ネットワークの瞬断、ファイアウォールによるアイドル セッションの切断などです。1 回だけ発生して再接続に成功していれば一過性のものです。繰り返す場合はネットワークまたは SQL Server のホストを疑ってください。",
    },
    causes: {
      en: [
        "SQL Server restarted or failed over.",
        "The network between the ICM server and SQL Server was interrupted.",
        "An idle ODBC session was closed by a device in between.",
      ],
      ja: [
        "SQL Server が再起動またはフェールオーバーした。",
        "ICM サーバーと SQL Server の間のネットワークが中断した。",
        "途中の機器がアイドル状態の ODBC セッションを切断した。",
      ],
    },
    fixes: {
      en: [
        "Check whether the process reconnected right after; if so, note the time and watch for repeats.",
        "If it repeats, check the SQL Server host's event log and the network between the servers.",
      ],
      ja: [
        "直後にプロセスが再接続できたか確認します。再接続できていれば時刻を記録し、再発を監視します。",
        "繰り返す場合は、SQL Server ホストのイベント ログと、サーバー間のネットワークを確認します。",
      ],
    },
    quickFixes: [],
  },
  {
    id: "sql-login-failed",
    severity: "error",
    area: "sql",
    match: {
      kind: "line",
      anchor: "Login failed for user",
      pattern: /Login failed for user '(?<user>[^'\n]*)'/,
    },
    title: {
      en: "SQL Server login failed",
      ja: "SQL Server へのログインに失敗",
    },
    message: {
      en: "SQL Server rejected the login of '{user}': the ICM process cannot open its database.",
      ja: "SQL Server が '{user}' のログインを拒否しました。ICM プロセスはデータベースを開けません。",
    },
    explanation: {
      en: "SQL Server error 18456. The connection reached SQL Server but the login was refused. ICM services normally connect with Windows authentication as their service account. The client only sees this generic text on purpose; the reason (bad password, disabled or missing login, no access to the database) is in the State number of the matching 18456 entry in the SQL Server error log.",
      ja: "SQL Server のエラー 18456 です。接続は SQL Server に届きましたが、ログインが拒否されました。ICM のサービスは通常、サービス アカウントによる Windows 認証で接続します。クライアントには意図的に汎用的な文言だけが返され、理由（パスワードの誤り、無効化または存在しないログイン、データベースへのアクセス権なし）は、SQL Server エラー ログ内の対応する 18456 エントリの State 番号に記録されます。",
    },
    causes: {
      en: [
        "The service account's password changed (policy rotation) but the Windows service still uses the old one.",
        "The account's login was removed from SQL Server or lost access to the ICM database.",
        "The account is locked out or disabled in Active Directory.",
      ],
      ja: [
        "サービス アカウントのパスワードが変更された（ポリシーによる定期変更など）が、Windows サービスには古いパスワードが設定されたままになっている。",
        "アカウントのログインが SQL Server から削除された、または ICM データベースへのアクセス権を失った。",
        "Active Directory でアカウントがロックアウトまたは無効化されている。",
      ],
    },
    fixes: {
      en: [
        "Find the matching 18456 entry and its State in the SQL Server error log.",
        "Check the account the ICM service runs as, and re-enter its password in the service properties if it changed.",
        "Restore the account's SQL Server login and database access.",
      ],
      ja: [
        "SQL Server エラー ログで、対応する 18456 のエントリとその State を確認します。",
        "ICM サービスの実行アカウントを確認し、パスワードが変更されていればサービスのプロパティで再入力します。",
        "アカウントの SQL Server ログインとデータベースへのアクセス権を元に戻します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that lists failed logins in the SQL Server error log", ja: "SQL Server エラー ログからログイン失敗を一覧表示する SQL をコピー" },
        command: "EXEC xp_readerrorlog 0, 1, N'Login failed';",
      },
    ],
  },
  {
    id: "sql-cannot-open-database",
    severity: "error",
    area: "sql",
    match: {
      kind: "line",
      anchor: "requested by the login",
      pattern: /Cannot open database "(?<database>[^"\n]+)" requested by the login/,
    },
    title: {
      en: "Database cannot be opened by the login",
      ja: "ログインでデータベースを開けない",
    },
    message: {
      en: "SQL Server could not open database {database} for this login: it is missing, not online, or the login has no user in it.",
      ja: "SQL Server がこのログインに対してデータベース {database} を開けませんでした。存在しない、オンラインでない、またはログインに対応するユーザーがデータベースにありません。",
    },
    explanation: {
      en: "SQL Server error 4060. The login itself is valid, but the database named in the connection cannot be used: no database has that name, it is offline, restoring, suspect or in single-user mode, or the login is not mapped to a user in it. For a Logger or HDS this typically follows a restore, a rename or a rebuild of the database (ICMDBA), or a change of the instance name that the database name is derived from (`<instance>_sideA`).",
      ja: "SQL Server のエラー 4060 です。ログイン自体は有効ですが、接続で指定されたデータベースを使用できません。その名前のデータベースがない、オフライン・復元中・問題あり (suspect)・シングル ユーザー モードである、またはログインがデータベース内のユーザーに対応付けられていない、のいずれかです。Logger や HDS では、データベースの復元・名前変更・再構築（ICMDBA）の後や、データベース名の元になるインスタンス名（`<インスタンス>_sideA`）を変更した後によく発生します。",
    },
    causes: {
      en: [
        "The database does not exist under that name (renamed, dropped, or the instance name changed).",
        "The database is offline, restoring, suspect or in single-user mode.",
        "The login has no user mapping in the database after a restore from another server.",
      ],
      ja: [
        "その名前のデータベースが存在しない（名前変更、削除、インスタンス名の変更）。",
        "データベースがオフライン、復元中、問題あり (suspect)、またはシングル ユーザー モードである。",
        "別のサーバーからの復元後、ログインがデータベース内のユーザーに対応付けられていない。",
      ],
    },
    fixes: {
      en: [
        "Check the database's state and access mode in SQL Server.",
        "Map the service account's login to a user in the database (or re-run the ICM setup step that grants it).",
        "If the name is wrong, correct the instance/database name rather than renaming the database by hand.",
      ],
      ja: [
        "SQL Server でデータベースの状態とアクセス モードを確認します。",
        "サービス アカウントのログインをデータベース内のユーザーに対応付けます（または、権限を付与する ICM セットアップの手順を再実行します）。",
        "名前が誤っている場合は、データベースを手作業で名前変更するのではなく、インスタンス名やデータベース名の設定を修正します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows the database's state", ja: "データベースの状態を表示する SQL をコピー" },
        command: "SELECT name, state_desc, user_access_desc FROM sys.databases WHERE name = '{database}';",
      },
    ],
  },
  {
    id: "sql-filegroup-full",
    severity: "error",
    area: "sql",
    match: {
      kind: "line",
      anchor: "Could not allocate space for object",
      pattern: /in database '(?<database>[^'\n]+)' because the '(?<filegroup>[^'\n]+)' filegroup is full/,
    },
    title: {
      en: "Database full: filegroup has no space",
      ja: "データベースが満杯: ファイル グループに空きがない",
    },
    message: {
      en: "SQL Server could not allocate space in database {database}: filegroup {filegroup} is full. Writes to it fail until space is made.",
      ja: "SQL Server がデータベース {database} に領域を割り当てられませんでした。ファイル グループ {filegroup} が満杯です。領域を確保するまで書き込みは失敗します。",
    },
    explanation: {
      en: "SQL Server error 1105: the filegroup's data files reached their maximum size or their disk is full. In a Logger's central database or an HDS, historical and configuration writes then stop. ICM is designed never to get here: it warns when the central database approaches capacity and, with Automatic Purge, deletes the oldest historical data past its retention when the database nears capacity (Cisco's defaults: warning at 85 %, purge at 90 % or 95 % depending on release). A full filegroup therefore means the database is too small for the retention it keeps, the purge did not run, or the files cannot grow.",
      ja: "SQL Server のエラー 1105 です。ファイル グループのデータ ファイルが最大サイズに達したか、ディスクが満杯です。Logger のセントラル データベースや HDS では、履歴データと構成の書き込みが停止します。ICM は本来ここに至らないよう設計されており、セントラル データベースが容量に近づくと警告を出し、自動パージが有効であれば、容量に近づいた時点で保存期間を過ぎた最も古い履歴データを削除します（Cisco の既定値: 警告 85%、パージはリリースにより 90% または 95%）。したがってファイル グループが満杯になったのは、保存期間に対してデータベースが小さすぎる、パージが実行されていない、またはファイルを拡張できない、のいずれかです。",
    },
    causes: {
      en: [
        "The database was sized (ICMDBA) smaller than the configured retention needs.",
        "The daily purge or the automatic purge did not run or could not keep up.",
        "The data files cannot grow: autogrowth disabled, maximum size reached, or the disk is full.",
      ],
      ja: [
        "設定された保存期間に対して、データベースのサイズ（ICMDBA で設定）が小さすぎる。",
        "日次パージまたは自動パージが実行されていない、または追いついていない。",
        "データ ファイルを拡張できない（自動拡張が無効、最大サイズに到達、ディスクが満杯）。",
      ],
    },
    fixes: {
      en: [
        "Check the free space inside the database and on its disk.",
        "Expand the database with ICMDBA (or grow or add data files), or lower the retention so the purge removes more.",
        "Check that the scheduled purge (00:30 by default) runs and completes, on the Logger and on the HDS.",
      ],
      ja: [
        "データベース内の空き領域と、データベースのあるディスクの空き容量を確認します。",
        "ICMDBA でデータベースを拡張する（またはデータ ファイルを拡張・追加する）か、保存期間を短くしてパージで削除される量を増やします。",
        "Logger と HDS の両方で、スケジュールされたパージ（既定 00:30）が実行・完了していることを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows the database's space", ja: "データベースの使用領域を表示する SQL をコピー" },
        command: "USE [{database}]; EXEC sp_spaceused;",
      },
      {
        kind: "openUrl",
        title: { en: "Open Microsoft's page on error 1105", ja: "エラー 1105 に関する Microsoft のページを開く" },
        url: `${MS_ERRORS}mssqlserver-1105-database-engine-error`,
      },
    ],
  },
  {
    id: "sql-transaction-log-full",
    severity: "error",
    area: "sql",
    match: {
      kind: "line",
      anchor: "The transaction log for database",
      pattern: /The transaction log for database '(?<database>[^'\n]+)' is full/,
    },
    title: {
      en: "Transaction log full",
      ja: "トランザクション ログが満杯",
    },
    message: {
      en: "The transaction log of database {database} is full: SQL Server rejects every change to that database until log space is freed.",
      ja: "データベース {database} のトランザクション ログが満杯です。ログの領域が解放されるまで、SQL Server はこのデータベースへのすべての変更を拒否します。",
    },
    explanation: {
      en: "SQL Server error 9002. Every insert, update and delete — including the purge — is written to the transaction log first; when the log cannot grow and none of it can be reused, all writes to the database fail. The reason the log cannot be reused is named after `due to` in newer releases, and always in the log_reuse_wait_desc column of sys.databases: LOG_BACKUP (full recovery model without log backups), ACTIVE_TRANSACTION (a very large or stuck transaction such as a big purge), and so on.",
      ja: "SQL Server のエラー 9002 です。挿入・更新・削除（パージを含む）はすべて、まずトランザクション ログに書き込まれます。ログを拡張できず、再利用できる部分もない場合、データベースへの書き込みはすべて失敗します。ログを再利用できない理由は、新しいリリースではメッセージの `due to` の後に、また常に sys.databases の log_reuse_wait_desc 列に示されます。LOG_BACKUP（ログ バックアップなしの完全復旧モデル）、ACTIVE_TRANSACTION（大規模なパージなど、非常に大きいまたは停滞したトランザクション）などです。",
    },
    causes: {
      en: [
        "The database uses the full recovery model and its log is never backed up.",
        "A very large transaction (a big purge or delete) filled the log.",
        "The log file cannot grow: maximum size reached or the disk is full.",
      ],
      ja: [
        "データベースが完全復旧モデルで、ログがバックアップされていない。",
        "非常に大きなトランザクション（大量のパージや削除）がログを使い切った。",
        "ログ ファイルを拡張できない（最大サイズに到達、ディスクが満杯）。",
      ],
    },
    fixes: {
      en: [
        "Read log_reuse_wait_desc for the database to see why the log cannot be reused.",
        "Give the log room (free disk space, allow growth), or back up the log if the database uses the full recovery model.",
        "Size the log for the largest purge, and run large purges off-peak.",
      ],
      ja: [
        "データベースの log_reuse_wait_desc を確認し、ログを再利用できない理由を特定します。",
        "ログに余裕を持たせる（ディスクの空き確保、拡張の許可）か、完全復旧モデルであればログをバックアップします。",
        "最大のパージに耐えられるようログのサイズを設定し、大規模なパージは業務時間外に実行します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows why the log cannot be reused", ja: "ログを再利用できない理由を表示する SQL をコピー" },
        command: "SELECT name, recovery_model_desc, log_reuse_wait_desc FROM sys.databases WHERE name = '{database}'; DBCC SQLPERF(LOGSPACE);",
      },
      {
        kind: "openUrl",
        title: { en: "Open Microsoft's page on error 9002", ja: "エラー 9002 に関する Microsoft のページを開く" },
        url: `${MS_ERRORS}mssqlserver-9002-database-engine-error`,
      },
    ],
  },
  {
    id: "sql-deadlock-victim",
    severity: "warning",
    area: "sql",
    match: { kind: "line", anchor: "chosen as the deadlock victim" },
    title: {
      en: "SQL Server deadlock: statement rolled back",
      ja: "SQL Server のデッドロック: ステートメントがロールバック",
    },
    message: {
      en: "SQL Server chose this process's transaction as a deadlock victim and rolled it back; the work has to be rerun.",
      ja: "SQL Server がこのプロセスのトランザクションをデッドロックの対象として選択し、ロールバックしました。処理を再実行する必要があります。",
    },
    explanation: {
      en: "SQL Server error 1205: two sessions each held a lock the other needed. SQL Server broke the cycle by rolling back one transaction and returning this error to its client. Occasional deadlocks appear when reports, purges or maintenance jobs touch the same tables the Logger or HDS is writing; frequent ones slow down replication and configuration updates and deserve a look at what else runs against the database.",
      ja: "SQL Server のエラー 1205 です。2 つのセッションが、互いに相手の必要とするロックを保持していました。SQL Server は一方のトランザクションをロールバックしてこの循環を解消し、そのクライアントにこのエラーを返しました。レポート、パージ、メンテナンス ジョブが Logger や HDS の書き込み中のテーブルに触れると、ときどきデッドロックが発生します。頻発する場合はレプリケーションや構成更新が遅くなるため、同じデータベースに対して他に何が実行されているかを確認してください。",
    },
    causes: {
      en: [
        "Custom reports or queries holding locks on ICM tables while the Logger or HDS writes to them.",
        "Purge or index maintenance running at the same time as heavy writes.",
        "Third-party tools querying the central database directly.",
      ],
      ja: [
        "カスタム レポートやクエリが、Logger や HDS の書き込み中の ICM テーブルにロックを保持している。",
        "大量の書き込みと同時に、パージやインデックス メンテナンスが実行されている。",
        "サードパーティ製ツールがセントラル データベースを直接参照している。",
      ],
    },
    fixes: {
      en: [
        "Identify the other session from the deadlock graph that SQL Server keeps in its system_health session.",
        "Run reports against an HDS rather than the Logger's central database, and move custom jobs away from the busy hours and the purge time.",
      ],
      ja: [
        "SQL Server が system_health セッションに保持しているデッドロック グラフから、相手のセッションを特定します。",
        "レポートは Logger のセントラル データベースではなく HDS に対して実行し、カスタム ジョブは繁忙時間帯とパージの時刻を避けて実行します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that lists recent deadlock graphs", ja: "最近のデッドロック グラフを一覧表示する SQL をコピー" },
        command:
          "SELECT x.e.query('(data/value/deadlock)[1]') AS DeadlockGraph FROM (SELECT CAST(t.target_data AS XML) AS d FROM sys.dm_xe_session_targets t JOIN sys.dm_xe_sessions s ON s.address = t.event_session_address WHERE s.name = 'system_health' AND t.target_name = 'ring_buffer') AS r CROSS APPLY r.d.nodes('RingBufferTarget/event[@name=\"xml_deadlock_report\"]') AS x(e);",
      },
    ],
  },
  {
    id: "sql-sort-order-not-binary",
    severity: "warning",
    area: "sql",
    match: {
      kind: "line",
      anchor: "SQL Server sort order is",
      // Any collation that does not end in _BIN or _BIN2; bounded and linear.
      pattern: /SQL Server sort order is (?<collation>\w+)(?<!_BIN)(?<!_BIN2)(?!\w)/,
    },
    title: {
      en: "SQL Server sort order is not binary",
      ja: "SQL Server の並べ替え順序がバイナリではない",
    },
    message: {
      en: "SQL Server's sort order is {collation}; ICM databases are meant to run on a binary (_BIN) collation such as Latin1_General_BIN.",
      ja: "SQL Server の並べ替え順序が {collation} です。ICM のデータベースは、Latin1_General_BIN のようなバイナリ (_BIN) 照合順序で運用する前提です。",
    },
    explanation: {
      en: "At start-up the Logger logs the sort order of its SQL Server (`SQL Server sort order is Latin1_General_BIN` in a healthy trace). Cisco's installation guides have SQL Server installed with a binary collation for ICM (Latin1_General with the binary option for Western languages; other languages use their own _BIN collation). With a case-insensitive or dictionary collation, names that ICM treats as different compare as equal in SQL Server, sorting differs, and the two sides can behave differently if their collations differ.",
      ja: "Logger は起動時に SQL Server の並べ替え順序を出力します（正常なトレースでは `SQL Server sort order is Latin1_General_BIN`）。Cisco のインストール ガイドでは、ICM 用の SQL Server をバイナリ照合順序でインストールすることになっています（西欧言語では Latin1_General のバイナリ、その他の言語ではそれぞれの _BIN 照合順序）。大文字小文字を区別しない照合順序や辞書順の照合順序では、ICM が別のものとして扱う名前が SQL Server では等しいと判定され、並び順も変わります。両サイドで照合順序が異なると、サイドごとに動作が異なる可能性もあります。",
    },
    causes: {
      en: [
        "SQL Server was installed with its default collation (e.g. SQL_Latin1_General_CP1_CI_AS) instead of a binary one.",
        "The database was restored onto a SQL Server instance with a different collation.",
      ],
      ja: [
        "SQL Server がバイナリではなく既定の照合順序（SQL_Latin1_General_CP1_CI_AS など）でインストールされた。",
        "照合順序の異なる SQL Server インスタンスにデータベースが復元された。",
      ],
    },
    fixes: {
      en: [
        "Confirm the server and database collations on both sides.",
        "Rebuild the SQL Server instance (or reinstall it) with the binary collation the Cisco installation guide specifies, then recreate or restore the ICM databases.",
      ],
      ja: [
        "両サイドのサーバーとデータベースの照合順序を確認します。",
        "Cisco のインストール ガイドが指定するバイナリ照合順序で SQL Server インスタンスを再構築（または再インストール）し、ICM のデータベースを再作成または復元します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows the server and database collations", ja: "サーバーとデータベースの照合順序を表示する SQL をコピー" },
        command: "SELECT SERVERPROPERTY('Collation') AS ServerCollation; SELECT name, collation_name FROM sys.databases;",
      },
    ],
  },
];

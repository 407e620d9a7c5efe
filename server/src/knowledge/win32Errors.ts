// Win32 error numbers as ICM prints them in `Last API Error [N]`. Names and English meanings follow
// Microsoft's "System Error Codes" and "Windows Sockets Error Codes" pages; the Japanese text is what
// Japanese Windows itself prints (FormatMessage / `net helpmsg N`), typos included: 10053 really says
// 「ソウトウェア」, and a trace from a Japanese server carries exactly that text.

import type { Win32Error } from "./types";

export const win32Errors: readonly Win32Error[] = [
  { code: 2, name: "ERROR_FILE_NOT_FOUND", meaning: { en: "The system cannot find the file specified.", ja: "指定されたファイルが見つかりません。" } },
  { code: 3, name: "ERROR_PATH_NOT_FOUND", meaning: { en: "The system cannot find the path specified.", ja: "指定されたパスが見つかりません。" } },
  { code: 5, name: "ERROR_ACCESS_DENIED", meaning: { en: "Access is denied.", ja: "アクセスが拒否されました。" } },
  { code: 6, name: "ERROR_INVALID_HANDLE", meaning: { en: "The handle is invalid.", ja: "ハンドルが無効です。" } },
  { code: 8, name: "ERROR_NOT_ENOUGH_MEMORY", meaning: { en: "Not enough memory resources are available to process this command.", ja: "このコマンドを実行するのに十分な記憶域がありません。" } },
  { code: 14, name: "ERROR_OUTOFMEMORY", meaning: { en: "Not enough memory resources are available to complete this operation.", ja: "この操作を完了するのに十分な記憶域がありません。" } },
  { code: 21, name: "ERROR_NOT_READY", meaning: { en: "The device is not ready.", ja: "デバイスの準備ができていません。" } },
  { code: 23, name: "ERROR_CRC", meaning: { en: "Data error (cyclic redundancy check).", ja: "データ エラー (巡回冗長検査 (CRC) エラー) です。" } },
  { code: 32, name: "ERROR_SHARING_VIOLATION", meaning: { en: "The process cannot access the file because it is being used by another process.", ja: "プロセスはファイルにアクセスできません。別のプロセスが使用中です。" } },
  { code: 33, name: "ERROR_LOCK_VIOLATION", meaning: { en: "The process cannot access the file because another process has locked a portion of the file.", ja: "プロセスはファイルにアクセスできません。別のプロセスがファイルの一部をロックしています。" } },
  { code: 39, name: "ERROR_HANDLE_DISK_FULL", meaning: { en: "The disk is full.", ja: "ディスクがいっぱいです。" } },
  { code: 50, name: "ERROR_NOT_SUPPORTED", meaning: { en: "The request is not supported.", ja: "その要求はサポートされていません。" } },
  { code: 53, name: "ERROR_BAD_NETPATH", meaning: { en: "The network path was not found.", ja: "ネットワーク パスが見つかりません。" } },
  { code: 54, name: "ERROR_NETWORK_BUSY", meaning: { en: "The network is busy.", ja: "ネットワークがビジーです。" } },
  { code: 55, name: "ERROR_DEV_NOT_EXIST", meaning: { en: "The specified network resource or device is no longer available.", ja: "指定されたネットワーク リソースまたはデバイスは利用できません。" } },
  { code: 59, name: "ERROR_UNEXP_NET_ERR", meaning: { en: "An unexpected network error occurred.", ja: "予期しないネットワーク エラーが発生しました。" } },
  { code: 64, name: "ERROR_NETNAME_DELETED", meaning: { en: "The specified network name is no longer available.", ja: "指定されたネットワーク名は利用できません。" } },
  { code: 67, name: "ERROR_BAD_NET_NAME", meaning: { en: "The network name cannot be found.", ja: "ネットワーク名が見つかりません。" } },
  { code: 87, name: "ERROR_INVALID_PARAMETER", meaning: { en: "The parameter is incorrect.", ja: "パラメーターが間違っています。" } },
  { code: 109, name: "ERROR_BROKEN_PIPE", meaning: { en: "The pipe has been ended.", ja: "パイプは終了しました。" } },
  { code: 112, name: "ERROR_DISK_FULL", meaning: { en: "There is not enough space on the disk.", ja: "ディスクに十分な空き領域がありません。" } },
  { code: 121, name: "ERROR_SEM_TIMEOUT", meaning: { en: "The semaphore timeout period has expired.", ja: "セマフォがタイムアウトしました。" } },
  { code: 122, name: "ERROR_INSUFFICIENT_BUFFER", meaning: { en: "The data area passed to a system call is too small.", ja: "システム コールに渡されるデータ領域が小さすぎます。" } },
  { code: 183, name: "ERROR_ALREADY_EXISTS", meaning: { en: "Cannot create a file when that file already exists.", ja: "既に存在するファイルを作成することはできません。" } },
  { code: 231, name: "ERROR_PIPE_BUSY", meaning: { en: "All pipe instances are busy.", ja: "すべてのパイプ インスタンスがビジーです。" } },
  { code: 232, name: "ERROR_NO_DATA", meaning: { en: "The pipe is being closed.", ja: "パイプを閉じています。" } },
  { code: 233, name: "ERROR_PIPE_NOT_CONNECTED", meaning: { en: "No process is on the other end of the pipe.", ja: "パイプの他端にプロセスがありません。" } },
  { code: 995, name: "ERROR_OPERATION_ABORTED", meaning: { en: "The I/O operation has been aborted because of either a thread exit or an application request.", ja: "スレッドの終了またはアプリケーションの要求によって、I/O 処理は中止されました。" } },
  { code: 1053, name: "ERROR_SERVICE_REQUEST_TIMEOUT", meaning: { en: "The service did not respond to the start or control request in a timely fashion.", ja: "サービスが時間内に開始要求または制御要求に応答しませんでした。" } },
  { code: 1060, name: "ERROR_SERVICE_DOES_NOT_EXIST", meaning: { en: "The specified service does not exist as an installed service.", ja: "指定されたサービスはインストールされたサービスとして存在しません。" } },
  { code: 1069, name: "ERROR_SERVICE_LOGON_FAILED", meaning: { en: "The service did not start due to a logon failure.", ja: "ログオンに失敗したため、サービスを開始できませんでした。" } },
  { code: 1117, name: "ERROR_IO_DEVICE", meaning: { en: "The request could not be performed because of an I/O device error.", ja: "I/O デバイス エラーが発生したため、要求を実行できませんでした。" } },
  { code: 1219, name: "ERROR_SESSION_CREDENTIAL_CONFLICT", meaning: { en: "Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.", ja: "同じユーザーによる、サーバーまたは共有リソースへの複数のユーザー名での複数の接続は許可されません。サーバーまたは共有リソースへの以前の接続をすべて切断してから、再試行してください。" } },
  { code: 1225, name: "ERROR_CONNECTION_REFUSED", meaning: { en: "The remote computer refused the network connection.", ja: "リモート コンピューターがネットワーク接続を拒否しました。" } },
  { code: 1231, name: "ERROR_NETWORK_UNREACHABLE", meaning: { en: "The network location cannot be reached. For information about network troubleshooting, see Windows Help.", ja: "ネットワークの場所に到達できません。ネットワークのトラブルシューティングについては、Windows ヘルプを参照してください。" } },
  { code: 1326, name: "ERROR_LOGON_FAILURE", meaning: { en: "The user name or password is incorrect.", ja: "ユーザー名またはパスワードが正しくありません。" } },
  { code: 1385, name: "ERROR_LOGON_TYPE_NOT_GRANTED", meaning: { en: "Logon failure: the user has not been granted the requested logon type at this computer.", ja: "ログオン失敗: 要求された種類のログオンは、このコンピューターではユーザーに許可されていません。" } },
  { code: 1450, name: "ERROR_NO_SYSTEM_RESOURCES", meaning: { en: "Insufficient system resources exist to complete the requested service.", ja: "システム リソースが不足しているため、要求されたサービスを完了できません。" } },
  { code: 1455, name: "ERROR_COMMITMENT_LIMIT", meaning: { en: "The paging file is too small for this operation to complete.", ja: "ページング ファイルが小さすぎるため、この操作を完了できません。" } },
  { code: 1460, name: "ERROR_TIMEOUT", meaning: { en: "This operation returned because the timeout period expired.", ja: "タイムアウト期間が経過したため、この操作は終了しました。" } },
  { code: 1722, name: "RPC_S_SERVER_UNAVAILABLE", meaning: { en: "The RPC server is unavailable.", ja: "RPC サーバーを利用できません。" } },
  { code: 1726, name: "RPC_S_CALL_FAILED", meaning: { en: "The remote procedure call failed.", ja: "リモート プロシージャ コールに失敗しました。" } },
  { code: 1727, name: "RPC_S_CALL_FAILED_DNE", meaning: { en: "The remote procedure call failed and did not execute.", ja: "リモート プロシージャ コールに失敗したため、実行されませんでした。" } },
  { code: 1909, name: "ERROR_ACCOUNT_LOCKED_OUT", meaning: { en: "The referenced account is currently locked out and may not be logged on to.", ja: "参照されたアカウントは現在ロックアウトされているため、ログオンできない可能性があります。" } },
  { code: 10053, name: "WSAECONNABORTED", meaning: { en: "An established connection was aborted by the software in your host machine.", ja: "確立された接続はホスト コンピューターのソウトウェアによって中止されました。" } },
  { code: 10054, name: "WSAECONNRESET", meaning: { en: "An existing connection was forcibly closed by the remote host.", ja: "既存の接続はリモート ホストに強制的に切断されました。" } },
  { code: 10060, name: "WSAETIMEDOUT", meaning: { en: "A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.", ja: "接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかったため、接続できませんでした。または接続済みのホストが応答しなかったため、確立された接続は失敗しました。" } },
  { code: 10061, name: "WSAECONNREFUSED", meaning: { en: "No connection could be made because the target machine actively refused it.", ja: "対象のコンピューターによって拒否されたため、接続できませんでした。" } },
  { code: 10065, name: "WSAEHOSTUNREACH", meaning: { en: "A socket operation was attempted to an unreachable host.", ja: "到達できないホストに対してソケット操作を実行しようとしました。" } },
  { code: 11001, name: "WSAHOST_NOT_FOUND", meaning: { en: "No such host is known.", ja: "そのようなホストは不明です。" } },
];

const byCode = new Map(win32Errors.map((e) => [e.code, e]));

export function win32Error(code: number): Win32Error | undefined {
  return byCode.get(code);
}

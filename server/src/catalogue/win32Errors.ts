// Win32 error numbers as ICM prints them in `Last API Error [N]`. Names and meanings follow
// Microsoft's "System Error Codes"; the Japanese text follows Japanese Windows' own wording.

import type { Win32Error } from "./types";

export const win32Errors: readonly Win32Error[] = [
  { code: 2, name: "ERROR_FILE_NOT_FOUND", meaning: { en: "The system cannot find the file specified.", ja: "指定されたファイルが見つかりません。" } },
  { code: 3, name: "ERROR_PATH_NOT_FOUND", meaning: { en: "The system cannot find the path specified.", ja: "指定されたパスが見つかりません。" } },
  { code: 5, name: "ERROR_ACCESS_DENIED", meaning: { en: "Access is denied.", ja: "アクセスが拒否されました。" } },
  { code: 32, name: "ERROR_SHARING_VIOLATION", meaning: { en: "The process cannot access the file because it is being used by another process.", ja: "プロセスはファイルにアクセスできません。別のプロセスが使用中です。" } },
  { code: 39, name: "ERROR_HANDLE_DISK_FULL", meaning: { en: "The disk is full.", ja: "ディスクがいっぱいです。" } },
  { code: 53, name: "ERROR_BAD_NETPATH", meaning: { en: "The network path was not found.", ja: "ネットワーク パスが見つかりません。" } },
  { code: 64, name: "ERROR_NETNAME_DELETED", meaning: { en: "The specified network name is no longer available.", ja: "指定されたネットワーク名は利用できなくなりました。" } },
  { code: 112, name: "ERROR_DISK_FULL", meaning: { en: "There is not enough space on the disk.", ja: "ディスクに十分な空き領域がありません。" } },
  { code: 121, name: "ERROR_SEM_TIMEOUT", meaning: { en: "The semaphore timeout period has expired.", ja: "セマフォがタイムアウトしました。" } },
  { code: 1117, name: "ERROR_IO_DEVICE", meaning: { en: "The request could not be performed because of an I/O device error.", ja: "I/O デバイス エラーが発生したため、要求を実行できませんでした。" } },
  { code: 1326, name: "ERROR_LOGON_FAILURE", meaning: { en: "The user name or password is incorrect.", ja: "ユーザー名またはパスワードが正しくありません。" } },
  { code: 1450, name: "ERROR_NO_SYSTEM_RESOURCES", meaning: { en: "Insufficient system resources exist to complete the requested service.", ja: "システム リソースが不足しているため、要求されたサービスを完了できません。" } },
  { code: 1722, name: "RPC_S_SERVER_UNAVAILABLE", meaning: { en: "The RPC server is unavailable.", ja: "RPC サーバーを利用できません。" } },
];

const byCode = new Map(win32Errors.map((e) => [e.code, e]));

export function win32Error(code: number): Win32Error | undefined {
  return byCode.get(code);
}

// Call Router: the dialog with a routing client while a call is sent to a network VRU, how routing ends,
// and translation routes. Sources:
// - Cisco Doc 116178 "CVP "Send to VRU" and "Run Ext Script" Failures"
//   (https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html):
//   the router trace texts (published excerpts under test/fixtures/published/rtr/) and the analysis of each case.
// - The Scripting guide's Send To VRU node (mirror: https://manualsbrain.com/en/manuals/1710170/?page=112): after the
//   Connect the router waits for RequestInstruction; a timeout, or a ReRoute instead, takes the node's failure path.
// - Unified CCE 9.0(1), "About VRU error checking" (mirror: https://manualsbrain.com/pt/manuals/1694729/?page=122):
//   VRU_TIMEOUT = the routing client did not respond within 20 seconds.
// - Reporting Guide for Cisco Unified ICM 7.2(1), "Calls counted as errors in Call Type reports" (mirror:
//   http://38.142.81.21:8001/manual/cisco/cisco-icm-cti-server-software/user-guide-english/page-168.html).
// - Cisco Community "Translation Route Timeout"
//   (https://supportforums.cisco.com/t5/other-collaboration-voice-and/translation-route-timeout/td-p/107525?q=_change_me_):
//   the router message and a reply quoting Cisco's ICM reporting document on translation routing.

import type { FailureRecord } from "../types";

const TN116178_URL =
  "https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html";
const SEND_TO_VRU_URL = "https://manualsbrain.com/en/manuals/1710170/?page=112";
const VRU_ERROR_CHECKING_URL = "https://manualsbrain.com/pt/manuals/1694729/?page=122";
const REPORTING_DEFAULT_ROUTE_URL = "http://38.142.81.21:8001/manual/cisco/cisco-icm-cti-server-software/user-guide-english/page-168.html";
const COMM_TR_TIMEOUT_URL =
  "https://supportforums.cisco.com/t5/other-collaboration-voice-and/translation-route-timeout/td-p/107525?q=_change_me_";

const OPEN_TN116178 = {
  kind: "openUrl",
  title: { en: "Open Cisco Doc 116178 (Send to VRU failures)", ja: "Cisco Doc 116178（Send to VRU の失敗）を開く" },
  url: TN116178_URL,
} as const;

const OPEN_SEND_TO_VRU = {
  kind: "openUrl",
  title: { en: "Open the Scripting guide page on Send To VRU", ja: "スクリプティング ガイドの Send To VRU のページを開く" },
  url: SEND_TO_VRU_URL,
} as const;

const PRECEDING_EN = "Read the router entries just before this one for the same dialog: they name the step that failed.";
const PRECEDING_JA = "同じダイアログについて、このエントリの直前にある Router のエントリを確認します。失敗した段階が記録されています。";

export const routerCallRoutingRecords: readonly FailureRecord[] = [
  {
    id: "rtr-vru-transfer-reroute",
    severity: "warning",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "ReRoute: Reason=",
      pattern: /ReRoute: Reason=(?<reason>\d+) CallState=(?<state>\d+)/,
    },
    title: {
      en: "Routing client answered with a ReRoute",
      ja: "ルーティング クライアントが ReRoute を返した",
    },
    message: {
      en: "The routing client sent a ReRoute (reason {reason}, call state {state}): it could not deliver the call to the label the router sent. After a VRU transfer, the Send To VRU step takes its failure path.",
      ja: "ルーティング クライアントが ReRoute（理由 {reason}、コール状態 {state}）を送りました。Router が送ったラベルへコールを届けられなかったということです。VRU への転送後であれば、Send To VRU の処理は失敗経路に進みます。",
    },
    explanation: {
      en: "To send a call to a network VRU the router gives the routing client a label plus a correlation ID ('TransferToVRU', 'TransferConnect sent. Dialog pending.') and waits for the VRU to come back with a RequestInstruction carrying that correlation ID. Cisco's Scripting guide says that if a ReRoute arrives instead, the Send To VRU node takes its failure path. In Cisco Doc 116178 the router logged this when CVP had no route for the label plus correlation ID towards a VXML gateway, and when the VXML gateway matched an incoming dial-peer whose call went to the 'Default' application instead of bootstrap; both times the router then ended routing with no label and released the call.",
      ja: "コールをネットワーク VRU へ送るため、Router はルーティング クライアントにラベルと相関 ID を渡し（'TransferToVRU'、'TransferConnect sent. Dialog pending.'）、VRU がその相関 ID を含む RequestInstruction を返すのを待ちます。Cisco のスクリプティング ガイドによれば、代わりに ReRoute が届いた場合、Send To VRU ノードは失敗経路に進みます。Cisco Doc 116178 では、CVP に VXML ゲートウェイへのラベル＋相関 ID のルートがなかった場合と、VXML ゲートウェイで一致した着信ダイヤルピアのコールが bootstrap ではなく 'Default' アプリケーションに渡された場合に Router がこれを記録し、どちらもラベルなしでルーティングを終えてコールを解放しています。",
    },
    causes: {
      en: [
        "CVP has no route for the VRU label with the correlation ID appended.",
        "On the VXML gateway the call matched an incoming dial-peer that does not run the bootstrap application.",
      ],
      ja: [
        "CVP に、相関 ID を付加した VRU ラベル用のルートがない。",
        "VXML ゲートウェイで、bootstrap アプリケーションを実行しない着信ダイヤルピアにコールが一致した。",
      ],
    },
    fixes: {
      en: [
        "In the CVP call server log, find the same call and see why the transfer to the VRU label failed.",
        "Check CVP's routes for the VRU label pattern, and on the VXML gateway the incoming dial-peer that the label matches.",
      ],
      ja: [
        "CVP コール サーバーのログで同じコールを探し、VRU ラベルへの転送が失敗した理由を確認します。",
        "CVP の VRU ラベル パターン用のルートと、VXML ゲートウェイでそのラベルが一致する着信ダイヤルピアを確認します。",
      ],
    },
    quickFixes: [OPEN_TN116178, OPEN_SEND_TO_VRU],
  },
  {
    id: "rtr-dialog-timed-out",
    severity: "error",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "Dialog timed out callstate is",
      pattern: /Dialog timed out callstate is :\((?<state>\d+)\)/,
    },
    title: {
      en: "Router dialog timed out",
      ja: "Router のダイアログがタイムアウト",
    },
    message: {
      en: "The router's dialog timed out (call state {state}): the answer it was waiting for from the routing client or the VRU did not come, and the script node takes its failure path.",
      ja: "Router のダイアログがタイムアウトしました（コール状態 {state}）。ルーティング クライアントまたは VRU からの待っていた応答が届かず、スクリプトのノードは失敗経路に進みます。",
    },
    explanation: {
      en: "After 'TransferConnect sent. Dialog pending.' the router waits for the call to arrive at the network VRU, shown by a RequestInstruction with the correlation ID. If none arrives, the dialog times out, the router resumes the script on the failure path ('Script Node timed out.') and, with no other target, releases the call. Cisco's VRU error checking gives 20 seconds for the routing client to respond after a Send To VRU or Translation Route to VRU node (VruStatus VRU_TIMEOUT). Cisco Doc 116178 shows two causes: the VXML gateway's bootstrap could not read the SIP headers because header-passing was not configured, so it could not reach the right CVP; and a Unified CM PG configured with a network VRU, so the JTAPI Gateway received the VRU label without the correlation ID. The same document also shows this entry for a dialog waiting for a requery response.",
      ja: "'TransferConnect sent. Dialog pending.' の後、Router はコールがネットワーク VRU に到達すること、つまり相関 ID を含む RequestInstruction を待ちます。届かないとダイアログはタイムアウトし、Router はスクリプトを失敗経路で再開し（'Script Node timed out.'）、他の宛先がなければコールを解放します。Cisco の VRU エラー チェックの説明では、Send To VRU または Translation Route to VRU ノードの後、ルーティング クライアントの応答を 20 秒待ちます（VruStatus の VRU_TIMEOUT）。Cisco Doc 116178 は 2 つの原因を示しています。header-passing が設定されておらず VXML ゲートウェイの bootstrap が SIP ヘッダーを読めず正しい CVP に到達できなかった場合と、Unified CM の PG にネットワーク VRU が設定されていて JTAPI Gateway が相関 ID なしの VRU ラベルを受け取った場合です。同じ文書では、リクエリーの応答を待つダイアログでもこのエントリが出ています。",
    },
    causes: {
      en: [
        "The VXML gateway lacks header-passing, so the bootstrap application cannot find the CVP that sent the call.",
        "A Unified CM PG has a network VRU configured, so the router sends it the VRU label without the correlation ID.",
        "The routing client did not answer a requery in time (then 'Dialog timed out waiting for requery response' follows).",
      ],
      ja: [
        "VXML ゲートウェイに header-passing が設定されておらず、bootstrap アプリケーションがコールを送った CVP を特定できない。",
        "Unified CM の PG にネットワーク VRU が設定されているため、Router が相関 ID なしの VRU ラベルを送っている。",
        "ルーティング クライアントがリクエリーに時間内に応答しなかった（この場合 'Dialog timed out waiting for requery response' が続く）。",
      ],
    },
    fixes: {
      en: [
        "Follow the call into the CVP and VXML gateway logs from the time of TransferToVRU: did the VRU leg reach CVP?",
        "Configure header-passing on the VXML gateway.",
        "Remove the network VRU from a Unified CM PG peripheral; keep it on the CVP PG.",
      ],
      ja: [
        "TransferToVRU の時刻から CVP と VXML ゲートウェイのログでコールを追跡し、VRU 側のレッグが CVP に届いたかを確認します。",
        "VXML ゲートウェイに header-passing を設定します。",
        "Unified CM の PG のペリフェラルからネットワーク VRU を外し、CVP の PG に設定します。",
      ],
    },
    quickFixes: [
      OPEN_TN116178,
      OPEN_SEND_TO_VRU,
      {
        kind: "openUrl",
        title: { en: "Open the guide's VRU error checking (VRU_TIMEOUT)", ja: "ガイドの VRU エラー チェック（VRU_TIMEOUT）を開く" },
        url: VRU_ERROR_CHECKING_URL,
      },
    ],
  },
  {
    id: "rtr-requery-response-timeout",
    severity: "warning",
    area: "rtr",
    match: { kind: "line", anchor: "Dialog timed out waiting for requery response" },
    title: {
      en: "Router gave up waiting for a requery response",
      ja: "Router がリクエリーの応答待ちを打ち切った",
    },
    message: {
      en: "The router timed out waiting for the routing client's response to a requery and failed the dialog.",
      ja: "Router はリクエリーに対するルーティング クライアントの応答を待ってタイムアウトし、ダイアログを失敗させました。",
    },
    explanation: {
      en: "The entry says what happened and little more: a dialog that was waiting for the routing client's answer to a requery timed out, and the router failed it. In the trace Cisco published (Doc 116178) the same dialog then logs 'Script Node timed out', a 'Requery status' line for the call and 'Dialog aborted and was deleted'. Look at what the routing client logged for that call.",
      ja: "このエントリが示すのは、リクエリーに対するルーティング クライアントの応答を待っていたダイアログがタイムアウトし、Router がそれを失敗させたことだけです。Cisco が公開したトレース（Doc 116178）では、同じダイアログに続いて 'Script Node timed out'、コールの 'Requery status' の行、'Dialog aborted and was deleted' が記録されています。そのコールについてルーティング クライアント側のログを確認してください。",
    },
    causes: {
      en: ["The routing client did not answer the requery for this call before the router's timeout."],
      ja: ["ルーティング クライアントが、Router のタイムアウトまでにこのコールのリクエリーに応答しなかった。"],
    },
    fixes: {
      en: [PRECEDING_EN, "Check the routing client's (for example CVP's) log for the same call at that time."],
      ja: [PRECEDING_JA, "同時刻の同じコールについて、ルーティング クライアント（CVP など）のログを確認します。"],
    },
    quickFixes: [OPEN_TN116178],
  },
  {
    id: "rtr-correlation-id-unknown",
    severity: "error",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "has a correlation id",
      pattern: /Dialog \((?<dialog>\d+)\) has a correlation id \((?<corid>\d+)(?: \d+)*\) that is unknown/,
    },
    title: {
      en: "VRU arrived with an unknown correlation ID",
      ja: "VRU から未知の相関 ID が届いた",
    },
    message: {
      en: "A request from the VRU leg (dialog {dialog}) carries correlation ID {corid}, which the router does not know: the VRU leg cannot be joined to its call and gets a dialogue failure.",
      ja: "VRU 側の要求（ダイアログ {dialog}）に、Router の知らない相関 ID {corid} が含まれています。VRU 側のレッグを元のコールに結び付けられず、ダイアログ失敗が返されます。",
    },
    explanation: {
      en: "The router matches the VRU leg to the waiting call by the correlation ID it sent with the VRU label. CVP gets the label and correlation ID back as one dialed number and splits them using its 'Maximum Length of DNIS'. Cisco Doc 116178 shows three ways the split goes wrong: the VRU label length does not match 'Maximum Length of DNIS' (8922 became 922); SigDigits are prepended but the VXML gateway's bootstrap is not configured for them (8909015 instead of 9015); and CVP strips SigDigits from a label plus correlation ID that Unified CM sent without them (9026 became 6). The router then cannot find the dialog, sends a dialogue failure and CVP rejects the call with SIP 404.",
      ja: "Router は、VRU ラベルと共に送った相関 ID によって、VRU 側のレッグを待機中のコールに結び付けます。CVP はラベルと相関 ID を 1 つのダイヤル番号として受け取り、「Maximum Length of DNIS」で分割します。Cisco Doc 116178 は分割を誤る 3 つの例を示しています。VRU ラベルの長さが「Maximum Length of DNIS」と一致しない（8922 が 922 になった）、SigDigits を付加しているのに VXML ゲートウェイの bootstrap がそれに対応して設定されていない（9015 ではなく 8909015）、Unified CM が SigDigits なしで送ったラベル＋相関 ID から CVP が SigDigits を除去した（9026 が 6 になった）場合です。Router はダイアログを見つけられずダイアログ失敗を送り、CVP は SIP 404 でコールを拒否します。",
    },
    causes: {
      en: [
        "The VRU label length differs from CVP's 'Maximum Length of DNIS'.",
        "SigDigits are prepended by CVP but not configured in the VXML gateway's bootstrap application.",
        "CVP strips SigDigits from a call that Unified CM sends to the VRU label without them.",
      ],
      ja: [
        "VRU ラベルの長さが CVP の「Maximum Length of DNIS」と異なる。",
        "CVP が SigDigits を付加しているのに、VXML ゲートウェイの bootstrap アプリケーションで設定されていない。",
        "Unified CM が SigDigits なしで VRU ラベルへ送ったコールから、CVP が SigDigits を除去している。",
      ],
    },
    fixes: {
      en: [
        "Compare the CorID in the router's TransferToVRU entry with the unknown one: the difference shows which digits were lost or added.",
        "Make the network VRU label length equal to CVP's 'Maximum Length of DNIS'.",
        "If SigDigits are used, configure them consistently in CVP and the VXML gateway bootstrap, and check calls that come from Unified CM.",
      ],
      ja: [
        "Router の TransferToVRU エントリの CorID と未知の相関 ID を比べます。差分から、失われた桁または付加された桁が分かります。",
        "ネットワーク VRU のラベルの長さを CVP の「Maximum Length of DNIS」と同じにします。",
        "SigDigits を使用する場合は、CVP と VXML ゲートウェイの bootstrap で一貫して設定し、Unified CM から来るコールも確認します。",
      ],
    },
    quickFixes: [OPEN_TN116178],
  },
  {
    id: "rtr-unknown-dialog-id",
    severity: "warning",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "could not find dialog id",
      pattern: /For message \((?<msg>\d+)\) from routing client (?<rc>\S+) \(ID (?<rcid>\d+)\) could not find dialog id \((?<dialog>\d+)\)/,
    },
    title: {
      en: "Message from a routing client for a dialog the router does not have",
      ja: "Router に存在しないダイアログ宛てのルーティング クライアントからのメッセージ",
    },
    message: {
      en: "Message {msg} from routing client {rc} (ID {rcid}) refers to dialog {dialog}, which the router does not have (already ended, or an ID it never issued).",
      ja: "ルーティング クライアント {rc}（ID {rcid}）からのメッセージ {msg} が、Router に存在しないダイアログ {dialog}（既に終了した、または発行していない ID）を参照しています。",
    },
    explanation: {
      en: "Cisco Doc 116178 shows this entry in two situations. Milliseconds after the router released a call and deleted its dialog, the routing client's follow-up message (message 9 there, CVP's disconnect) finds no dialog: a consequence of the earlier failure, not a new one. When it follows 'has a correlation id ... that is unknown', it is the VRU leg's request (message 14 there) carrying a wrongly split correlation ID, and the router answers with a dialogue failure.",
      ja: "Cisco Doc 116178 では、このエントリが 2 つの状況で現れます。Router がコールを解放してダイアログを削除した数ミリ秒後に、ルーティング クライアントの後続メッセージ（同文書ではメッセージ 9、CVP の切断）がダイアログを見つけられない場合で、これは先行する失敗の結果であり新しい障害ではありません。'has a correlation id ... that is unknown' に続く場合は、誤って分割された相関 ID を持つ VRU 側の要求（同文書ではメッセージ 14）であり、Router はダイアログ失敗を返します。",
    },
    causes: {
      en: [
        "The router had already released the call and deleted the dialog when the routing client's message arrived.",
        "The routing client sent an ID the router never issued, such as a wrongly split correlation ID.",
      ],
      ja: [
        "ルーティング クライアントのメッセージが届いた時点で、Router は既にコールを解放しダイアログを削除していた。",
        "ルーティング クライアントが、誤って分割された相関 ID など、Router が発行していない ID を送った。",
      ],
    },
    fixes: {
      en: [PRECEDING_EN, "If an 'unknown correlation id' entry precedes it, fix the label/correlation ID split (see that finding)."],
      ja: [PRECEDING_JA, "直前に未知の相関 ID のエントリがあれば、ラベルと相関 ID の分割を修正します（その検出結果を参照）。"],
    },
    quickFixes: [OPEN_TN116178],
  },
  {
    id: "rtr-dialog-fail-reason",
    severity: "warning",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "Router sending dialog fail reason",
      pattern: /Router sending dialog fail reason \((?<reason>\d+)\) for dialog \((?<dialog>\d+)\)/,
    },
    title: {
      en: "Router sent a dialogue failure to the routing client",
      ja: "Router がルーティング クライアントにダイアログ失敗を送信",
    },
    message: {
      en: "The router answered dialog {dialog} with a dialogue failure (reason {reason}) instead of a label: the routing client ends the call its own way (CVP rejects it).",
      ja: "Router はダイアログ {dialog} にラベルではなくダイアログ失敗（理由 {reason}）を返しました。ルーティング クライアントは独自の方法でコールを終了します（CVP は拒否します）。",
    },
    explanation: {
      en: "Instead of a route, the router can end a routing dialog by telling the routing client that the dialogue failed. In Cisco Doc 116178 the router sent reason 11 when the routing client's peripheral had no network VRU and when a VRU leg arrived with an unknown correlation ID; each time the CVP log shows DIALOGUE_FAILURE from the ICM router and a SIP 404 rejection of the caller. The failure itself is reported in the router entries just before this one.",
      ja: "Router はルートを返す代わりに、ダイアログが失敗したことをルーティング クライアントに通知してルーティング ダイアログを終えることがあります。Cisco Doc 116178 では、ルーティング クライアントのペリフェラルにネットワーク VRU がない場合と、VRU 側のレッグが未知の相関 ID で届いた場合に、Router が理由 11 を送っています。どちらも CVP のログには ICM Router からの DIALOGUE_FAILURE と、発信者への SIP 404 による拒否が記録されています。失敗の内容は、このエントリの直前の Router のエントリに記録されています。",
    },
    causes: {
      en: [
        "The routing client's peripheral has no network VRU for a VRU-capable call.",
        "A VRU leg arrived with a correlation ID the router does not know.",
      ],
      ja: [
        "VRU 対応コールに対し、ルーティング クライアントのペリフェラルにネットワーク VRU がない。",
        "VRU 側のレッグが、Router の知らない相関 ID で届いた。",
      ],
    },
    fixes: {
      en: [PRECEDING_EN],
      ja: [PRECEDING_JA],
    },
    quickFixes: [OPEN_TN116178],
  },
  {
    id: "rtr-vru-script-error",
    severity: "error",
    area: "rtr",
    match: { kind: "line", anchor: "VRU script response had error" },
    title: {
      en: "VRU script returned an error",
      ja: "VRU スクリプトがエラーを返した",
    },
    message: {
      en: "The VRU ran the script the router asked for and answered with an error: the Run External Script node takes its failure path.",
      ja: "VRU は Router が指示したスクリプトを実行し、エラーを返しました。Run External Script ノードは失敗経路に進みます。",
    },
    explanation: {
      en: "Here the transfer itself worked: the router logged the VRU's RequestInstruction, 'Dialog transfer to VRU successful - now running script' and 'Runscript sent', but the script result came back with an error and the router released the call. In Cisco Doc 116178 ('Media URL is Incomplete') the media URL built from the call variables was incomplete; CVP's log shows the script result with user.microapp.error_code 9 from the VXML gateway. The CVP and gateway logs hold the real error.",
      ja: "この場合、転送自体は成功しています。Router は VRU からの RequestInstruction、'Dialog transfer to VRU successful - now running script'、'Runscript sent' を記録していますが、スクリプトの結果がエラーで返され、Router はコールを解放しました。Cisco Doc 116178（'Media URL is Incomplete'）では、コール変数から組み立てたメディア URL が不完全で、CVP のログには VXML ゲートウェイからの user.microapp.error_code 9 を含むスクリプト結果が記録されています。実際のエラーは CVP とゲートウェイのログにあります。",
    },
    causes: {
      en: ["The call variables that make up the media URL are incomplete or point to a location that does not have the file (Cisco's example)."],
      ja: ["メディア URL を構成するコール変数が不完全、またはファイルのない場所を指している（Cisco の例）。"],
    },
    fixes: {
      en: [
        "Look up the call in the CVP log and the VXML gateway debug for the error code returned with the script result.",
        "Check the media server, library and file name the script's call variables build into the URL.",
      ],
      ja: [
        "CVP のログと VXML ゲートウェイのデバッグでコールを探し、スクリプト結果と共に返されたエラー コードを確認します。",
        "スクリプトのコール変数が URL に組み立てるメディア サーバー、ライブラリ、ファイル名を確認します。",
      ],
    },
    quickFixes: [OPEN_TN116178],
  },
  {
    id: "rtr-route-no-label",
    severity: "warning",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "), Labels=0",
      pattern: /Route: CID=\((?<day>\d+),(?<key>\d+)\), Labels=0/,
    },
    title: {
      en: "Routing ended with no label: call released",
      ja: "ラベルなしでルーティングが終了: コールを解放",
    },
    message: {
      en: "Routing of call CID=({day},{key}) completed with no label: the router sends the routing client a release instead of a destination.",
      ja: "コール CID=({day},{key}) のルーティングはラベルなしで完了しました。Router はルーティング クライアントに宛先ではなく解放を送ります。",
    },
    explanation: {
      en: "RouteComplete with Labels=0 means the script ended without choosing a destination label; in Cisco's traces the next router entry is the release sent to the routing client (or to the VRU). In Cisco Doc 116178 every failed Send To VRU ends this way, so this entry is a consequence: the reason is in the entries before it for the same dialog. Cisco's reporting guide adds that a call whose script fails without a default route or default label is counted as an error of its call type, and recommends default labels and default routes for scripts.",
      ja: "RouteComplete で Labels=0 となるのは、スクリプトが宛先ラベルを選ばずに終了したことを意味し、Cisco のトレースでは次の Router のエントリがルーティング クライアント（または VRU）へ送る解放です。Cisco Doc 116178 では失敗した Send To VRU はすべてこの形で終わっているため、このエントリは結果であり、原因は同じダイアログの直前のエントリにあります。Cisco のレポート ガイドには、既定のルートや既定のラベルがないままスクリプトが失敗したコールはコール タイプのエラーとして数えられるとあり、スクリプトに既定のラベルと既定のルートを設定することが推奨されています。",
    },
    causes: {
      en: [
        "An earlier step of the script failed (no network VRU, no VRU label, VRU timeout, ReRoute, VRU script error) and the failure path had no target.",
        "No default route or default label is configured to catch calls whose script finds no target.",
      ],
      ja: [
        "スクリプトの前の段階が失敗し（ネットワーク VRU がない、VRU ラベルがない、VRU のタイムアウト、ReRoute、VRU スクリプトのエラー）、失敗経路に宛先がなかった。",
        "宛先が見つからないコールを受け止める既定のルートや既定のラベルが設定されていない。",
      ],
    },
    fixes: {
      en: [PRECEDING_EN, "Give the routing script's failure paths a target, and configure default labels and default routes."],
      ja: [PRECEDING_JA, "ルーティング スクリプトの失敗経路に宛先を設け、既定のラベルと既定のルートを設定します。"],
    },
    quickFixes: [
      OPEN_TN116178,
      {
        kind: "openUrl",
        title: { en: "Open the Reporting Guide page on call type errors", ja: "コール タイプのエラーに関するレポート ガイドのページを開く" },
        url: REPORTING_DEFAULT_ROUTE_URL,
      },
    ],
  },
  {
    id: "rtr-translation-route-timeout",
    severity: "error",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "timed out call (Callkey",
      pattern: /timed out call \(Callkey (?<callkey>\d+)\) on translation route (?<route>[^\s,]+), peripheral target (?<target>\d+)/,
    },
    title: {
      en: "Call never arrived on the translation route",
      ja: "トランスレーション ルートにコールが到着しなかった",
    },
    message: {
      en: "Call key {callkey} timed out on translation route {route} (peripheral target {target}): the call was not seen arriving on the translation route in time.",
      ja: "コール キー {callkey} がトランスレーション ルート {route}（ペリフェラル ターゲット {target}）でタイムアウトしました。コールがトランスレーション ルートに時間内に到着したことが確認されませんでした。",
    },
    explanation: {
      en: "A translation route is a temporary destination for a call. When the router returns a translation route label to the routing client, it also sends a message directly to the PG of the target peripheral, alerting it that a call will arrive on a given trunk group and DNIS and giving the label that determines its final target. This router message reports that such a call timed out, naming the physical controller, the translation route and the peripheral target. A reply in the Cisco Community thread reports seeing it with IVR systems where the call never arrived on the DNIS expected.",
      ja: "トランスレーション ルートはコールの一時的な宛先です。Router はルーティング クライアントにトランスレーション ルートのラベルを返すと同時に、宛先ペリフェラルの PG へ直接メッセージを送り、どのトランク グループと DNIS でコールが到着するかと、最終宛先を決めるラベルを通知します。この Router のメッセージは、そのようなコールがタイムアウトしたことを、物理コントローラ、トランスレーション ルート、ペリフェラル ターゲットを示して報告します。Cisco コミュニティのスレッドの返信では、想定した DNIS にコールが到着しない IVR システムでこれが見られたと報告されています。",
    },
    causes: {
      en: ["The call did not arrive at the peripheral on the DNIS the translation route expects (reported in the thread with IVR systems)."],
      ja: ["コールが、トランスレーション ルートが想定する DNIS でペリフェラルに到着しなかった（スレッドでは IVR システムでの事例として報告）。"],
    },
    fixes: {
      en: [
        "Check that the translation route's labels reach the peripheral on the trunk group and DNIS configured for the route.",
        "On the PG of the peripheral target, look for the call's arrival around the time of the timeout and the DNIS it arrived on.",
      ],
      ja: [
        "トランスレーション ルートのラベルが、ルートに設定されたトランク グループと DNIS でペリフェラルに到達することを確認します。",
        "ペリフェラル ターゲットの PG で、タイムアウト前後のコール到着と、到着した DNIS を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open the Cisco Community thread on translation route timeouts", ja: "トランスレーション ルートのタイムアウトに関する Cisco コミュニティのスレッドを開く" },
        url: COMM_TR_TIMEOUT_URL,
      },
    ],
  },
];

// Call Router: finding the network VRU, and its label, for a Send To VRU / Run External Script node.
// Sources:
// - Cisco Doc 116178 "CVP "Send to VRU" and "Run Ext Script" Failures"
//   (https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html):
//   the router trace texts (published excerpts under test/fixtures/published/rtr/) and the analysis of each case.
// - The Scripting guide's description of the Send To VRU node (mirror:
//   https://manualsbrain.com/en/manuals/1710166/?page=108): the router looks up the dialed number, its customer
//   and the customer's network VRU, else the system default network VRU; a missing label takes the failure path.

import type { FailureRecord } from "../types";

const TN116178_URL =
  "https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html";
const SEND_TO_VRU_LOOKUP_URL = "https://manualsbrain.com/en/manuals/1710166/?page=108";

const OPEN_TN116178 = {
  kind: "openUrl",
  title: { en: "Open Cisco Doc 116178 (Send to VRU failures)", ja: "Cisco Doc 116178（Send to VRU の失敗）を開く" },
  url: TN116178_URL,
} as const;

const OPEN_LOOKUP = {
  kind: "openUrl",
  title: { en: "Open the Scripting guide page on the Send To VRU lookup", ja: "スクリプティング ガイドの Send To VRU の検索手順のページを開く" },
  url: SEND_TO_VRU_LOOKUP_URL,
} as const;

export const networkVruRecords: readonly FailureRecord[] = [
  {
    id: "rtr-dn-customer-not-found",
    severity: "warning",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "Customer not found for dialed number",
      pattern: /Customer not found for dialed number \((?<dn>[^()\s]{1,40})\)/,
    },
    title: {
      en: "Dialed number has no customer: default network VRU used",
      ja: "ダイヤル番号に顧客が未設定: 既定のネットワーク VRU を使用",
    },
    message: {
      en: "Dialed number {dn} has no customer, so the router falls back to the default network VRU. If there is no default network VRU either, the Send To VRU step gets no VRU label.",
      ja: "ダイヤル番号 {dn} に顧客が設定されていないため、Router は既定のネットワーク VRU を使用します。既定のネットワーク VRU もなければ、Send To VRU の処理は VRU ラベルを得られません。",
    },
    explanation: {
      en: "When a script needs VRU treatment, the router looks up the call's dialed number, the dialed number's customer and that customer's network VRU; if this gives no network VRU it uses the system default network VRU. It then needs that network VRU's label for the routing client the call came from. This entry says the first step failed: the dialed number has no customer. In Cisco Doc 116178 no default network VRU existed either: the router logged that no network VRU is configured for the dialed number, found no VRU label, completed routing with Labels=0 and released the call to CVP.",
      ja: "スクリプトが VRU 処理を必要とすると、Router はコールのダイヤル番号、その顧客、顧客のネットワーク VRU を順に調べ、ネットワーク VRU が得られなければシステムの既定のネットワーク VRU を使います。次に、コールの送信元ルーティング クライアント用のそのネットワーク VRU のラベルが必要です。このエントリは最初の段階で失敗したこと、つまりダイヤル番号に顧客がないことを示します。Cisco Doc 116178 では既定のネットワーク VRU もなく、Router はダイヤル番号にネットワーク VRU が設定されていないと記録し、VRU ラベルを見つけられず、Labels=0 でルーティングを完了して CVP へコールを解放しました。",
    },
    causes: {
      en: [
        "The dialed number is configured without a customer.",
        "No default network VRU is configured to cover dialed numbers without a customer.",
      ],
      ja: [
        "ダイヤル番号が顧客なしで設定されている。",
        "顧客のないダイヤル番号を補う既定のネットワーク VRU が設定されていない。",
      ],
    },
    fixes: {
      en: [
        "Assign a customer to the dialed number and associate that customer with the network VRU.",
        "Test the call again and check that the router now logs a correlation ID and TransferToVRU instead.",
      ],
      ja: [
        "ダイヤル番号に顧客を割り当て、その顧客をネットワーク VRU に関連付けます。",
        "再度テスト コールを行い、Router が代わりに相関 ID と TransferToVRU を記録することを確認します。",
      ],
    },
    quickFixes: [OPEN_TN116178, OPEN_LOOKUP],
  },
  {
    id: "rtr-customer-no-network-vru",
    severity: "warning",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "has no valid network vru defined",
      pattern: /Customer \((?<customer>\d+)\) has no valid network vru defined/,
    },
    title: {
      en: "Customer has no network VRU: default network VRU used",
      ja: "顧客にネットワーク VRU が未設定: 既定のネットワーク VRU を使用",
    },
    message: {
      en: "Customer {customer} of the dialed number has no network VRU, so the router falls back to the default network VRU for this call.",
      ja: "ダイヤル番号の顧客 {customer} にネットワーク VRU が設定されていないため、Router はこのコールに既定のネットワーク VRU を使用します。",
    },
    explanation: {
      en: "The router found the customer of the dialed number, but that customer has no network VRU assigned. The network VRU is what gives the router the VRU label to send, so without it, and without a default network VRU, the router cannot transfer the call to the VRU. In Cisco Doc 116178 the next entries say that no network VRU is configured for the dialed number and that the Run Script node failed to connect to the VRU, and the call is released back to CVP.",
      ja: "Router はダイヤル番号の顧客を見つけましたが、その顧客にネットワーク VRU が割り当てられていません。送信する VRU ラベルはネットワーク VRU から得られるため、これも既定のネットワーク VRU もないと、Router はコールを VRU へ転送できません。Cisco Doc 116178 では、続くエントリでダイヤル番号にネットワーク VRU が設定されていないこと、Run Script ノードが VRU への接続に失敗したことが記録され、コールは CVP へ解放されています。",
    },
    causes: {
      en: [
        "The customer used by the dialed number is not associated with a network VRU.",
        "No default network VRU is configured as a fallback.",
      ],
      ja: [
        "ダイヤル番号が使用する顧客がネットワーク VRU に関連付けられていない。",
        "フォールバック用の既定のネットワーク VRU が設定されていない。",
      ],
    },
    fixes: {
      en: [
        "Associate the customer with the network VRU used by CVP (Type 10).",
        "Check that the network VRU has a label for each CVP routing client.",
      ],
      ja: [
        "顧客を、CVP が使用するネットワーク VRU（タイプ 10）に関連付けます。",
        "そのネットワーク VRU に、各 CVP ルーティング クライアント用のラベルがあることを確認します。",
      ],
    },
    quickFixes: [OPEN_TN116178, OPEN_LOOKUP],
  },
  {
    id: "rtr-no-network-vru-for-dn",
    severity: "error",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "No network VRU is configured for dialed number",
      pattern: /No network VRU is configured for dialed number (?<dn>[^\s(]+)\(ID:(?<dnid>\d+)\)/,
    },
    title: {
      en: "No network VRU for the dialed number: call cannot be sent to the VRU",
      ja: "ダイヤル番号にネットワーク VRU がない: コールを VRU へ送れない",
    },
    message: {
      en: "No network VRU is configured for dialed number {dn} (ID {dnid}): the router has no VRU label for this call, the Send To VRU / Run External Script node fails and the call is released.",
      ja: "ダイヤル番号 {dn}（ID {dnid}）にネットワーク VRU が設定されていません。Router はこのコール用の VRU ラベルを持たず、Send To VRU / Run External Script ノードは失敗し、コールは解放されます。",
    },
    explanation: {
      en: "This is the end of the router's network VRU lookup: neither the dialed number's customer nor the default gives it a network VRU. In the traces of Cisco Doc 116178 the router then marks the VRU connection as failed ('connect to vru failed'), completes routing with no label and sends a release to the routing client, so the CVP caller is disconnected. The entry appears twice for one call: once as an event and once in the dialog's trace.",
      ja: "これは Router のネットワーク VRU 検索の最終結果です。ダイヤル番号の顧客からも既定からもネットワーク VRU が得られません。Cisco Doc 116178 のトレースでは、Router は続いて VRU への接続を失敗とし（'connect to vru failed'）、ラベルなしでルーティングを完了してルーティング クライアントへ解放を送るため、CVP の発信者は切断されます。このエントリは 1 つのコールについて、イベントとして 1 回、ダイアログのトレースとして 1 回の計 2 回出力されます。",
    },
    causes: {
      en: [
        "The dialed number has no customer and there is no default network VRU.",
        "The dialed number's customer has no network VRU and there is no default network VRU.",
      ],
      ja: [
        "ダイヤル番号に顧客がなく、既定のネットワーク VRU もない。",
        "ダイヤル番号の顧客にネットワーク VRU がなく、既定のネットワーク VRU もない。",
      ],
    },
    fixes: {
      en: [
        "Read the preceding router entries: 'Customer not found for dialed number' or 'has no valid network vru defined' tells which link is missing.",
        "Give the dialed number a customer, and the customer the network VRU.",
      ],
      ja: [
        "直前の Router のエントリを確認します。'Customer not found for dialed number' か 'has no valid network vru defined' で、欠けている設定が分かります。",
        "ダイヤル番号に顧客を、顧客にネットワーク VRU を設定します。",
      ],
    },
    quickFixes: [OPEN_TN116178, OPEN_LOOKUP],
  },
  {
    id: "rtr-network-vru-no-label",
    severity: "error",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "No label configured on network VRU",
      pattern: /No label configured on network VRU (?<vru>[^\s(]+)\(ID:(?<vruid>\d+)\) for routing client (?<rc>[^\s(]+)\(ID:(?<rcid>\d+)\)/,
    },
    title: {
      en: "Network VRU has no label for the routing client",
      ja: "ネットワーク VRU にルーティング クライアント用のラベルがない",
    },
    message: {
      en: "Network VRU {vru} (ID {vruid}) has no label for routing client {rc} (ID {rcid}): the router cannot tell that client where the VRU is, and the call is released.",
      ja: "ネットワーク VRU {vru}（ID {vruid}）にルーティング クライアント {rc}（ID {rcid}）用のラベルがありません。Router はそのクライアントに VRU の宛先を伝えられず、コールは解放されます。",
    },
    explanation: {
      en: "The router found the network VRU and already allocated a correlation ID, but to transfer the call it needs the label configured on that network VRU for the routing client the call arrived from; CVP combines that label with the correlation ID to reach the VXML gateway. Without such a label the Run Script node fails to connect to the VRU and the router releases the call (Cisco Doc 116178, 'No VRU Label for Routing Client'). A later 'could not find dialog id' for the same dialog is CVP's disconnect arriving after the dialog was deleted.",
      ja: "Router はネットワーク VRU を見つけて相関 ID も割り当てましたが、コールを転送するには、コールの送信元ルーティング クライアント用にそのネットワーク VRU に設定されたラベルが必要です。CVP はこのラベルと相関 ID を組み合わせて VXML ゲートウェイへ送ります。ラベルがないため Run Script ノードは VRU への接続に失敗し、Router はコールを解放します（Cisco Doc 116178 の 'No VRU Label for Routing Client'）。後から同じダイアログについて出る 'could not find dialog id' は、ダイアログの削除後に届いた CVP の切断です。",
    },
    causes: {
      en: ["No label for this routing client was added to the network VRU (for example for a CVP routing client added later)."],
      ja: ["このルーティング クライアント用のラベルがネットワーク VRU に追加されていない（後から追加した CVP のルーティング クライアントなど）。"],
    },
    fixes: {
      en: [
        "Add a label for the routing client named in the message to the network VRU, and check that every CVP routing client has one.",
        "Keep the label length equal to CVP's 'Maximum Length of DNIS', which CVP uses to split the label from the correlation ID.",
      ],
      ja: [
        "メッセージに示されたルーティング クライアント用のラベルをネットワーク VRU に追加し、CVP のすべてのルーティング クライアントにラベルがあることを確認します。",
        "ラベルの長さを CVP の「Maximum Length of DNIS」と同じにします。CVP はこの値でラベルと相関 ID を分割します。",
      ],
    },
    quickFixes: [OPEN_TN116178],
  },
  {
    id: "rtr-peripheral-no-network-vru",
    severity: "error",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "No NetworkVRU configured for peripheral",
      pattern:
        /No NetworkVRU configured for peripheral for VRU capable call on dialed number (?<dn>\S+) from PG routing client (?<rc>\S+) \(ID (?<rcid>\d+)\)/,
    },
    title: {
      en: "Routing client's peripheral has no network VRU",
      ja: "ルーティング クライアントのペリフェラルにネットワーク VRU がない",
    },
    message: {
      en: "The peripheral of PG routing client {rc} (ID {rcid}) has no network VRU, so the VRU-capable call to dialed number {dn} fails: the router sends a dialogue failure to the routing client.",
      ja: "PG ルーティング クライアント {rc}（ID {rcid}）のペリフェラルにネットワーク VRU が設定されていないため、ダイヤル番号 {dn} への VRU 対応コールは失敗します。Router はルーティング クライアントにダイアログ失敗を送ります。",
    },
    explanation: {
      en: "The router treats the call as VRU-capable (in Cisco's trace its NewCall shows CallAtVRU=1), but the PG peripheral behind the routing client it came from has no network VRU configured. In Cisco Doc 116178 ('PG has no Network VRU Configured') the router then sends a dialogue failure (reason 11) instead of a label, and CVP logs DIALOGUE_FAILURE from the ICM router and rejects the caller with SIP 404.",
      ja: "Router はこのコールを VRU 対応として扱います（Cisco のトレースでは NewCall に CallAtVRU=1）が、コールの送信元ルーティング クライアントの PG のペリフェラルにネットワーク VRU が設定されていません。Cisco Doc 116178（'PG has no Network VRU Configured'）では、Router はラベルの代わりにダイアログ失敗（理由 11）を送り、CVP は ICM Router からの DIALOGUE_FAILURE を記録して、SIP 404 で発信者を拒否しています。",
    },
    causes: {
      en: ["The CVP PG's peripheral (the routing client named in the message) is configured without a network VRU."],
      ja: ["CVP PG のペリフェラル（メッセージに示されたルーティング クライアント）にネットワーク VRU が設定されていない。"],
    },
    fixes: {
      en: [
        "Set the network VRU on the CVP PG peripheral that owns this routing client.",
        "Do not do the same on a Unified CM PG: in the same document a network VRU on the Unified CM PG makes the router send the bare VRU label, which Unified CM cannot route.",
      ],
      ja: [
        "このルーティング クライアントを持つ CVP PG のペリフェラルに、ネットワーク VRU を設定します。",
        "Unified CM の PG には同じ設定をしないでください。同じ文書では、Unified CM の PG にネットワーク VRU があると Router は相関 ID なしの VRU ラベルを送り、Unified CM はそれをルーティングできません。",
      ],
    },
    quickFixes: [OPEN_TN116178],
  },
];

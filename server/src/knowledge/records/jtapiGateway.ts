// JTAPI Gateway (jgw) of the Unified CM PG: routes Unified CM rejects, and devices and lines Unified CM
// reports out of service. Sources:
// - Cisco tech note 116178 "CVP "Send to VRU" and "Run Ext Script" Failures", Issue 9 (Unified CM gets the VRU label
//   without the correlation ID; router and jgw logs published together):
//   https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html
// - "Mobile Agents, CTIOS, & Crashes" (Jul 17 2019), a jgw trace of mobile-agent Local CTI Ports going out of
//   service: https://nocthoughts.com/2019/07/17/mobile-agents-ctios-and-service-crashes-oh-my.html
//   (first published at https://unhall0w3d.github.io/2019/07/17/mobile-agents-ctios-and-service-crashes-oh-my.html).

import type { FailureRecord } from "../types";

const TN116178_URL =
  "https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-customer-voice-portal-901/116178-technote-cvp-00.html";
const BLOG_URL = "https://nocthoughts.com/2019/07/17/mobile-agents-ctios-and-service-crashes-oh-my.html";

const OPEN_BLOG = {
  kind: "openUrl",
  title: { en: "Open the published case (jgw trace, Unified CM core dumps)", ja: "公開事例を開く（jgw トレースと Unified CM のコア ダンプ）" },
  url: BLOG_URL,
} as const;

const COPY_JGW_DUMPLOG = {
  kind: "copyCommand",
  title: { en: "Copy the dumplog command for the JTAPI Gateway log", ja: "JTAPI Gateway のログを出力する dumplog コマンドをコピー" },
  command: "dumplog jgw1 /bt <hh:mm:ss> /et <hh:mm:ss> /ms",
} as const;

export const jtapiGatewayRecords: readonly FailureRecord[] = [
  {
    id: "jgw-route-invalid-destination",
    severity: "error",
    area: "jgw",
    match: {
      kind: "line",
      anchor: "Cause: INVALID_DESTINATION",
      pattern: /ReRouteEvent State: RE_ROUTE XRefID: (?<xref>\d+) Cause: INVALID_DESTINATION/,
    },
    title: {
      en: "Unified CM rejected the router's label as an invalid destination",
      ja: "Unified CM が Router のラベルを無効な宛先として拒否",
    },
    message: {
      en: "Unified CM could not route the route-point call (route request {xref}) to the label the router selected: invalid destination.",
      ja: "Unified CM は、ルート ポイントのコール（ルート要求 {xref}）を Router が選んだラベルへルーティングできませんでした（無効な宛先）。",
    },
    explanation: {
      en: "For a call at a Unified CM route point, the JTAPI Gateway sends the route request to the router (MsgRouteRequest), receives the selected label (MsgRouteSelect) and asks Unified CM to route the call there (selectRoute). Unified CM answered with a ReRouteEvent, cause INVALID_DESTINATION. In Cisco Doc 116178 the label was the bare VRU label 9876543210 because the Unified CM PG had a network VRU configured: the JTAPI Gateway received the VRU label without the correlation ID, Unified CM rejected it and the router dialog timed out. Without a network VRU on that PG, the JTAPI Gateway receives the VRU label with the correlation ID appended.",
      ja: "Unified CM のルート ポイントのコールでは、JTAPI Gateway が Router へルート要求を送り（MsgRouteRequest）、選択されたラベルを受け取り（MsgRouteSelect）、Unified CM にそこへルーティングするよう依頼します（selectRoute）。Unified CM は原因 INVALID_DESTINATION の ReRouteEvent を返しました。Cisco Doc 116178 では、Unified CM の PG にネットワーク VRU が設定されていたため、ラベルが相関 ID なしの VRU ラベル 9876543210 でした。JTAPI Gateway は相関 ID のない VRU ラベルを受け取り、Unified CM がそれを拒否し、Router のダイアログはタイムアウトしました。その PG にネットワーク VRU がなければ、JTAPI Gateway は相関 ID を付加した VRU ラベルを受け取ります。",
    },
    causes: {
      en: [
        "The Unified CM PG has a network VRU configured, so the VRU label is sent without the correlation ID (Cisco Doc 116178).",
        "The label selected by the router does not route in Unified CM.",
      ],
      ja: [
        "Unified CM の PG にネットワーク VRU が設定されているため、VRU ラベルが相関 ID なしで送られる（Cisco Doc 116178）。",
        "Router が選んだラベルが Unified CM でルーティングできない。",
      ],
    },
    fixes: {
      en: [
        "Remove the network VRU from the Unified CM PG peripheral; keep it on the CVP PG.",
        "Check the label in the MsgRouteSelect entry just before: it is the number Unified CM could not route.",
      ],
      ja: [
        "Unified CM の PG のペリフェラルからネットワーク VRU を外し、CVP の PG に設定します。",
        "直前の MsgRouteSelect エントリのラベルを確認します。Unified CM がルーティングできなかった番号です。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 116178 (Send to VRU failures)", ja: "Cisco Doc 116178（Send to VRU の失敗）を開く" },
        url: TN116178_URL,
      },
      COPY_JGW_DUMPLOG,
    ],
  },
  {
    id: "jgw-terminal-out-of-service",
    severity: "warning",
    area: "jgw",
    match: {
      kind: "line",
      anchor: "CiscoTermOutOfServiceEv",
      pattern: /CiscoTermOutOfServiceEv Term: (?<terminal>\S+) Cause: (?<cause>[A-Z_]+)/,
    },
    title: {
      en: "Unified CM reports a device out of service",
      ja: "Unified CM がデバイスをアウト オブ サービスと通知",
    },
    message: {
      en: "Unified CM reported terminal {terminal} out of service (cause {cause}); the JTAPI Gateway reports its addresses out of service to the PIM, and an agent on that device loses CTI control.",
      ja: "Unified CM が端末 {terminal} をアウト オブ サービスと通知しました（原因 {cause}）。JTAPI Gateway はその端末のアドレスのアウト オブ サービスを PIM に通知し、そのデバイスを使うエージェントは CTI による制御ができなくなります。",
    },
    explanation: {
      en: "The JTAPI Gateway (jgw) observes the agent devices of the Unified CM PG through JTAPI. CiscoTermOutOfServiceEv is the event by which Unified CM says a terminal is no longer in service; jgw follows it with 'Sending AddressOutOfService' and MsgAddressOutOfService for the terminal's addresses. In the published case two mobile-agent Local CTI Ports (LCP...) went out of service with cause DEVICE_UNREGISTERED, the agents lost CTI control, and the author traced it to core dumps of the CallManager and CTIManager services on the subscriber those ports were registered to.",
      ja: "JTAPI Gateway（jgw）は、Unified CM PG のエージェントのデバイスを JTAPI で監視しています。CiscoTermOutOfServiceEv は、端末がサービス外になったことを Unified CM が通知するイベントで、jgw は続けて 'Sending AddressOutOfService' と、端末のアドレスについての MsgAddressOutOfService を出力します。公開事例では、モバイル エージェントのローカル CTI ポート（LCP...）2 つが原因 DEVICE_UNREGISTERED でアウト オブ サービスになり、エージェントは CTI による制御を失いました。筆者はその原因を、ポートの登録先サブスクライバーでの CallManager と CTIManager のサービスのコア ダンプと特定しています。",
    },
    causes: {
      en: [
        "The device unregistered from Unified CM (cause DEVICE_UNREGISTERED).",
        "The CallManager and CTIManager services on the Unified CM node the device was registered to crashed (the published case).",
      ],
      ja: [
        "デバイスの Unified CM への登録が解除された（原因 DEVICE_UNREGISTERED）。",
        "デバイスの登録先 Unified CM ノードで CallManager と CTIManager のサービスがクラッシュした（公開事例）。",
      ],
    },
    fixes: {
      en: [
        "Look up the terminal named after Term: in Unified CM: its registration state and the node it registers to.",
        "If several devices of the same node went out of service at once, look on that node for service crashes and core dumps at that time.",
      ],
      ja: [
        "Term: の後の端末を Unified CM で確認します。登録状態と登録先ノードを調べます。",
        "同じノードの複数のデバイスが同時にアウト オブ サービスになった場合は、そのノードで同時刻のサービスのクラッシュとコア ダンプを確認します。",
      ],
    },
    quickFixes: [OPEN_BLOG, COPY_JGW_DUMPLOG],
  },
  {
    id: "jgw-address-out-of-service",
    severity: "warning",
    area: "jgw",
    match: {
      kind: "line",
      anchor: "CiscoAddrOutOfServiceEv",
      pattern: /CiscoAddrOutOfServiceEv Addr: (?<address>\S+) Cause: (?<cause>[A-Z_]+)/,
    },
    title: {
      en: "Unified CM reports a line out of service",
      ja: "Unified CM が回線をアウト オブ サービスと通知",
    },
    message: {
      en: "Unified CM reported address {address} out of service (cause {cause}); the JTAPI Gateway passes it on to the PIM.",
      ja: "Unified CM がアドレス {address} をアウト オブ サービスと通知しました（原因 {cause}）。JTAPI Gateway はこれを PIM に伝えます。",
    },
    explanation: {
      en: "CiscoAddrOutOfServiceEv is the JTAPI event for an address (a directory number on a monitored device) going out of service; the JTAPI Gateway follows it with MsgAddressOutOfService to the PIM. In the published jgw trace it comes with cause CALLMANAGER_FAILURE, next to CiscoTermOutOfServiceEv DEVICE_UNREGISTERED for the mobile-agent ports, at the time the CallManager and CTIManager services on the subscriber dumped core.",
      ja: "CiscoAddrOutOfServiceEv は、アドレス（監視対象デバイスの電話番号）がサービス外になったことを示す JTAPI イベントで、JTAPI Gateway は続けて MsgAddressOutOfService を PIM に送ります。公開されている jgw トレースでは、サブスクライバーの CallManager と CTIManager のサービスがコア ダンプを起こした時刻に、モバイル エージェントのポートの CiscoTermOutOfServiceEv DEVICE_UNREGISTERED とともに、原因 CALLMANAGER_FAILURE で出力されています。",
    },
    causes: {
      en: [
        "The Unified CM service handling the line failed (cause CALLMANAGER_FAILURE; in the published case CallManager and CTIManager core dumps).",
        "The device carrying the line went out of service.",
      ],
      ja: [
        "回線を処理する Unified CM のサービスに障害が発生した（原因 CALLMANAGER_FAILURE。公開事例では CallManager と CTIManager のコア ダンプ）。",
        "回線を持つデバイスがアウト オブ サービスになった。",
      ],
    },
    fixes: {
      en: [
        "Look for CiscoTermOutOfServiceEv entries at the same time to find the devices involved.",
        "Check the services of the Unified CM node those devices register to for crashes and core dumps at that time.",
      ],
      ja: [
        "同時刻の CiscoTermOutOfServiceEv のエントリから、関係するデバイスを特定します。",
        "それらのデバイスの登録先 Unified CM ノードで、同時刻のサービスのクラッシュとコア ダンプを確認します。",
      ],
    },
    quickFixes: [OPEN_BLOG, COPY_JGW_DUMPLOG],
  },
];

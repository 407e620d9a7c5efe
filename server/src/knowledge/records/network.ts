// MDS, synchronizers, heartbeats and the private/public networks between the sides.
// Message texts: Cisco Community "icm error message"
// (https://community.cisco.com/t5/contact-center/icm-error-message/m-p/1579936); synchronizer states:
// Cisco Doc 26300 "ICM and Synchronization"; heartbeat intervals: the Cisco Unified CCE Solution Design
// Guide (100 ms private, 400 ms public, five missed heartbeats = failure).

import type { FailureRecord } from "../types";

const TN26300_URL =
  "https://www.cisco.com/c/en/us/support/docs/voice-unified-communications/unified-intelligent-contact-management-enterprise/26300-icm-synch.html";

const PRIVATE_NETWORK_FIX_EN = "Restore the private network link (NIC, switch ports, WAN circuit and its QoS) between the two sides.";
const PRIVATE_NETWORK_FIX_JA = "両サイド間のプライベート ネットワーク（NIC、スイッチ ポート、WAN 回線とその QoS）を復旧します。";

export const networkRecords: readonly FailureRecord[] = [
  {
    id: "heartbeat-event",
    severity: "warning",
    area: "network",
    match: {
      kind: "line",
      anchor: "HeartBeat Event for Side",
      pattern: /HeartBeat Event for Side (?<side>[A-Za-z0-9]+)/,
    },
    title: {
      en: "Heartbeat event between the sides",
      ja: "サイド間のハートビート イベント",
    },
    message: {
      en: "Heartbeat event for side {side}: heartbeats to or from that side were missed or came back. Compare with the other side's log at the same time.",
      ja: "サイド {side} のハートビート イベントです。このサイドとのハートビートが欠落した、または回復しました。同時刻の相手サイドのログと照合してください。",
    },
    explanation: {
      en: "Duplexed ICM components exchange UDP heartbeats: every 100 ms between the two sides over the private network, every 400 ms between a PG and the central controller; five missed heartbeats mark the path as failed and the connection is closed. This event reports a heartbeat change for the named side. One event during maintenance is harmless. Events on both sides at the same moment, or events that repeat, point to the network (loss, congestion, missing QoS, a WAN accelerator) rather than to the processes.",
      ja: "二重化された ICM コンポーネントは UDP のハートビートを交換しています。両サイド間ではプライベート ネットワーク上で 100 ミリ秒ごと、PG とセントラル コントローラの間では 400 ミリ秒ごとです。ハートビートが 5 回欠落するとその経路は障害と判断され、接続が切断されます。このイベントは、指定サイドのハートビート状態の変化を示します。保守作業中の 1 回だけのイベントは問題ありません。両サイドで同時に発生している、または繰り返し発生している場合は、プロセスではなくネットワーク（パケット損失、輻輳、QoS 未設定、WAN アクセラレータなど）を疑ってください。",
    },
    causes: {
      en: [
        "Packet loss or congestion on the private or public network (link saturated, QoS not applied).",
        "The other side's server or process paused or stopped (reboot, VM snapshot or migration, CPU starvation).",
        "A firewall or WAN optimiser dropping or delaying the UDP heartbeats (ports 39500 to 39999).",
      ],
      ja: [
        "プライベートまたはパブリック ネットワークでのパケット損失や輻輳（帯域の飽和、QoS 未適用）。",
        "相手サイドのサーバーやプロセスが一時停止・停止した（再起動、VM のスナップショットや移行、CPU 不足）。",
        "ファイアウォールや WAN 最適化装置が UDP ハートビート（ポート 39500～39999）を破棄・遅延させている。",
      ],
    },
    fixes: {
      en: [
        "Compare with the other side's log at the same time: a simultaneous event on both sides is a network event.",
        "Check the interface counters and QoS of the private and public links for drops at that time.",
        "Make sure no WAN accelerator or inspecting firewall sits in the path of the heartbeats.",
      ],
      ja: [
        "同時刻の相手サイドのログと比較します。両サイドで同時に発生していればネットワークのイベントです。",
        "その時刻のプライベート／パブリック回線のインターフェイス カウンターと QoS で、廃棄がないか確認します。",
        "ハートビートの経路上に WAN アクセラレータやインスペクションを行うファイアウォールがないことを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the pathping command for the peer's private address", ja: "相手サイドのプライベート アドレスへの pathping コマンドをコピー" },
        command: "pathping -n <peer private address>",
      },
    ],
  },
  {
    id: "logger-hds-connection-broken",
    severity: "error",
    area: "network",
    match: { kind: "line", anchor: "is either out of service or communication has broken" },
    title: {
      en: "Connection to a Logger or HDS lost",
      ja: "Logger または HDS との接続が切断",
    },
    message: {
      en: "The connection to a Logger or Historical Data Server is lost: that server is out of service, or the network to it is broken.",
      ja: "Logger または Historical Data Server (HDS) との接続が切断されました。相手サーバーがアウト オブ サービスか、そこまでのネットワークが切断されています。",
    },
    explanation: {
      en: "A process that feeds a Logger or an HDS reports that its session to that database server dropped, and it cannot tell whether the server stopped or the network failed. While the session is down the receiving database falls behind: reports run against that HDS show stale data, and a Logger that stays disconnected must catch up through its Recovery process when it returns.",
      ja: "Logger や HDS へデータを送るプロセスが、そのデータベース サーバーとのセッションが切断されたことを報告しています。相手サーバーが停止したのか、ネットワークが切断されたのかは区別できません。セッションが切断されている間、受信側のデータベースは遅れていきます。その HDS を使うレポートは古いデータを表示し、切断されたままの Logger は復旧時に Recovery プロセスで追いつく必要があります。",
    },
    causes: {
      en: [
        "The Logger or HDS process, its server, or its SQL Server is stopped or restarting.",
        "The network between the two machines is down, or a firewall blocks the connection's port.",
        "Heartbeats on the connection timed out because of congestion.",
      ],
      ja: [
        "Logger／HDS のプロセス、そのサーバー、または SQL Server が停止中か再起動中である。",
        "両マシン間のネットワークが切断されている、またはファイアウォールが接続のポートを遮断している。",
        "輻輳により接続上のハートビートがタイムアウトした。",
      ],
    },
    fixes: {
      en: [
        "Check that the Logger or HDS services and SQL Server run on the server named in the message.",
        "Test the network path and port to that server.",
        "Look for the matching reconnection; if none follows, fix the network and restart the component that lost the connection.",
      ],
      ja: [
        "メッセージに示されたサーバーで、Logger／HDS のサービスと SQL Server が動作していることを確認します。",
        "そのサーバーまでのネットワーク経路とポートをテストします。",
        "対応する再接続のイベントを確認し、再接続されていなければネットワークを修復してから、接続を失ったコンポーネントを再起動します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the PowerShell command that tests the TCP port", ja: "TCP ポートをテストする PowerShell コマンドをコピー" },
        command: 'powershell -Command "Test-NetConnection <server> -Port <port>"',
      },
    ],
  },
  {
    id: "synchronizer-isolated-enabled",
    severity: "warning",
    area: "mds",
    match: { kind: "line", anchor: "Isolated-Enabled", pattern: /\bIsolated-Enabled\b/ },
    title: {
      en: "Synchronizer isolated: this side runs alone",
      ja: "シンクロナイザが孤立: このサイドが単独で稼働",
    },
    message: {
      en: "The synchronizer is Isolated-Enabled: it lost its peer over the private network and now orders the messages alone. Service continues without redundancy.",
      ja: "シンクロナイザが Isolated-Enabled です。プライベート ネットワーク経由で相手を失い、単独でメッセージの順序付けを行っています。サービスは継続していますが、冗長性はありません。",
    },
    explanation: {
      en: "The two synchronizers of a duplexed pair pass every input message to each other so that both sides process the same messages in the same order; one of them is enabled and orders them. When a synchronizer can no longer reach its peer over the private (dedicated) path, it runs the Test-Other-Side procedure to decide whether to go on. Isolated-Enabled is the side that goes on. Routing continues, but if this side fails now there is no peer to take over, and the peer will need a state transfer when it returns (Cisco Doc 26300).",
      ja: "二重化ペアの 2 つのシンクロナイザは、両サイドが同じメッセージを同じ順序で処理できるよう、すべての入力メッセージを互いに転送し、一方が有効（Enabled）となって順序付けを行います。プライベート（専用）経路で相手に到達できなくなると、シンクロナイザは Test-Other-Side 手順で処理を継続するかどうかを判断します。Isolated-Enabled は処理を継続する側です。ルーティングは継続しますが、この状態でこのサイドに障害が起きると引き継ぐ相手がなく、相手サイドは復帰時に状態転送が必要になります（Cisco Doc 26300）。",
    },
    causes: {
      en: [
        "The private network between the sides failed.",
        "The peer side's server, MDS or synchronized process stopped.",
        "The peer's own private interface failed.",
      ],
      ja: [
        "両サイド間のプライベート ネットワークに障害が発生した。",
        "相手サイドのサーバー、MDS、または同期対象のプロセスが停止した。",
        "相手サイド自身のプライベート インターフェイスに障害が発生した。",
      ],
    },
    fixes: {
      en: [
        PRIVATE_NETWORK_FIX_EN,
        "Check the peer side's MDS and Node Manager logs for the same time.",
        "When the peer returns, check that the synchronizer goes back to Paired and that the peer's state transfer completes.",
      ],
      ja: [
        PRIVATE_NETWORK_FIX_JA,
        "同時刻の相手サイドの MDS と Node Manager のログを確認します。",
        "相手サイドが復帰したら、シンクロナイザが Paired に戻り、相手サイドの状態転送が完了することを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 26300 (ICM and Synchronization)", ja: "Cisco Doc 26300（ICM と同期）を開く" },
        url: TN26300_URL,
      },
    ],
  },
  {
    id: "synchronizer-isolated-disabled",
    severity: "error",
    area: "mds",
    match: { kind: "line", anchor: "Isolated-Disabled", pattern: /\bIsolated-Disabled\b/ },
    title: {
      en: "Synchronizer isolated and disabled: this side is out of service",
      ja: "シンクロナイザが孤立・無効: このサイドはアウト オブ サービス",
    },
    message: {
      en: "The synchronizer is Isolated-Disabled: it lost its peer and Test-Other-Side decided that this side stops processing. This side is out of service until the private network returns.",
      ja: "シンクロナイザが Isolated-Disabled です。相手を失い、Test-Other-Side の判定によりこのサイドは処理を停止しました。プライベート ネットワークが復旧するまで、このサイドはアウト オブ サービスです。",
    },
    explanation: {
      en: "When the private path between two synchronizers is lost, Test-Other-Side decides which side keeps running so that the two never order messages independently. The side that ends Isolated-Disabled stops ordering and processing input until the private path comes back; for a central controller that means this side's Router, and the Logger it feeds, are out of service. The other side should be Isolated-Enabled and carrying all the traffic (Cisco Doc 26300).",
      ja: "2 つのシンクロナイザ間のプライベート経路が失われると、両サイドが独立して順序付けを行わないよう、Test-Other-Side がどちらのサイドが稼働を続けるかを決定します。Isolated-Disabled になった側は、プライベート経路が戻るまで入力の順序付けと処理を停止します。セントラル コントローラの場合、このサイドの Router と、その Router がデータを送る Logger がアウト オブ サービスになります。相手サイドは Isolated-Enabled としてすべてのトラフィックを処理しているはずです（Cisco Doc 26300）。",
    },
    causes: {
      en: [
        "The private network failed and Test-Other-Side chose the other side to carry on.",
        "This side also lost public network connectivity, so it could not show that it should stay enabled.",
      ],
      ja: [
        "プライベート ネットワークに障害が発生し、Test-Other-Side が相手サイドに処理を継続させると判断した。",
        "このサイドはパブリック ネットワークの接続も失っており、有効のまま稼働すべきことを示せなかった。",
      ],
    },
    fixes: {
      en: [
        PRIVATE_NETWORK_FIX_EN,
        "Check that the other side is Isolated-Enabled and carrying the load.",
        "Check this side's public network connections to the PGs; after the private network returns this side rejoins through a state transfer.",
      ],
      ja: [
        PRIVATE_NETWORK_FIX_JA,
        "相手サイドが Isolated-Enabled で負荷を処理していることを確認します。",
        "このサイドから PG へのパブリック ネットワーク接続を確認します。プライベート ネットワーク復旧後、このサイドは状態転送を経て復帰します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 26300 (ICM and Synchronization)", ja: "Cisco Doc 26300（ICM と同期）を開く" },
        url: TN26300_URL,
      },
    ],
  },
];

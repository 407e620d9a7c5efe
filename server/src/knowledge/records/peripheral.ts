// Peripheral Gateways and their links to the central controller (public network) and to the
// peripherals (ACD, IVR, Unified CM). Message texts: Cisco Community threads "icm error message"
// (https://community.cisco.com/t5/contact-center/icm-error-message/m-p/1579936) and "PG server
// connection to Central Controller side A failed"
// (https://community.cisco.com/t5/contact-center/pg-server-connection-to-central-controller-side-a-failed/m-p/1991809).

import type { FailureRecord } from "../types";

const COMM_PG_URL =
  "https://community.cisco.com/t5/contact-center/pg-server-connection-to-central-controller-side-a-failed/m-p/1991809";

const PG_LOGS_EN = "Dump the pgag, mds, opc and nm logs on the PG and the ccag, mds and nm logs on the central controller for the same minutes.";
const PG_LOGS_JA = "同じ時間帯について、PG 側の pgag・mds・opc・nm と、セントラル コントローラ側の ccag・mds・nm のログを dumplog で出力します。";

export const peripheralRecords: readonly FailureRecord[] = [
  {
    id: "pg-not-connected",
    severity: "error",
    area: "pg",
    match: {
      kind: "line",
      anchor: "is not connected to the Central Controller",
      pattern: /Peripheral Gateway (?<pg>\S+(?: \([^()\n]{1,24}\))?) is not connected to the Central Controller/,
    },
    title: {
      en: "Peripheral Gateway disconnected from the central controller",
      ja: "ペリフェラル ゲートウェイがセントラル コントローラから切断",
    },
    message: {
      en: "Peripheral Gateway {pg} is not connected to the central controller or is out of service: routing to its site is impacted.",
      ja: "ペリフェラル ゲートウェイ {pg} がセントラル コントローラに接続されていないか、アウト オブ サービスです。そのサイトへのルーティングに影響があります。",
    },
    explanation: {
      en: "The central controller has lost every path to this PG: neither PG side has an active connection to either router side. While it lasts, the router has no current agent, call and queue data from the PG and cannot route calls to that site, and the PG buffers its historical data. A PG normally keeps an active path to one router side and an idle path to the other, so losing both means both PG sides are down or the public network around the PG is cut.",
      ja: "セントラル コントローラから、この PG への経路がすべて失われています。いずれの PG サイドも、どちらの Router サイドとも有効な接続を持っていません。この間、Router はその PG から最新のエージェント・コール・キューの情報を受け取れず、そのサイトへコールをルーティングできません。PG は履歴データをバッファリングします。PG は通常、一方の Router サイドへのアクティブ経路ともう一方へのアイドル経路を持つため、両方を失うのは PG の両サイドが停止しているか、PG 周辺のパブリック ネットワークが切断されている場合です。",
    },
    causes: {
      en: [
        "Both sides of the PG (or its only side, if simplex) are stopped: service stopped, server down.",
        "The public network between the PG site and both central controller sides is down.",
        "The PG Agent (pgag) cannot reach the routers' Central Controller Agent (ccag), e.g. a firewall change.",
      ],
      ja: [
        "PG の両サイド（シンプレックスの場合は唯一のサイド）が停止している（サービス停止、サーバー停止）。",
        "PG のサイトと両セントラル コントローラ サイドの間のパブリック ネットワークが切断されている。",
        "PG Agent (pgag) が Router 側の Central Controller Agent (ccag) に到達できない（ファイアウォールの変更など）。",
      ],
    },
    fixes: {
      en: [
        "Check that the PG's Cisco ICM service runs on at least one PG side.",
        "Test the public network from the PG to both central controller sides.",
        PG_LOGS_EN,
      ],
      ja: [
        "少なくとも一方の PG サイドで、PG の Cisco ICM サービスが動作していることを確認します。",
        "PG から両セントラル コントローラ サイドへのパブリック ネットワークをテストします。",
        PG_LOGS_JA,
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the dumplog command for the PG Agent log", ja: "PG Agent のログを出力する dumplog コマンドをコピー" },
        command: "dumplog pgag /bt <hh:mm:ss> /et <hh:mm:ss>",
      },
    ],
  },
  {
    id: "cc-connection-failed",
    severity: "error",
    area: "pg",
    match: {
      kind: "line",
      anchor: "Connection to Central Controller side",
      pattern: /Connection to Central Controller side (?<side>[A-Za-z]+) failed/,
    },
    title: {
      en: "PG lost its connection to one central controller side",
      ja: "PG が一方のセントラル コントローラ サイドとの接続を喪失",
    },
    message: {
      en: "The connection from this PG to central controller side {side} failed; the PG realigns to the other side if it can reach it.",
      ja: "この PG からセントラル コントローラ サイド {side} への接続が失敗しました。相手サイドに到達できれば、PG はそちらへ接続を切り替えます。",
    },
    explanation: {
      en: "Each PG side keeps a connection to both central controller sides over the public network, one active and one idle. This entry says the connection to the named side broke. When only one side is lost the PG moves its active path to the other side and routing continues; when both PG sides report the same central controller side at the same time, the fault is on that side or on the network in front of it (the PG-server case discussed on the Cisco Community, caused by a core switch problem at the data centre).",
      ja: "PG の各サイドは、パブリック ネットワーク経由で両方のセントラル コントローラ サイドに接続しており、一方がアクティブ、もう一方がアイドルです。このエントリは、指定サイドへの接続が切断されたことを示します。片方のサイドだけが失われた場合、PG はアクティブ経路をもう一方のサイドへ切り替え、ルーティングは継続します。両 PG サイドが同時に同じセントラル コントローラ サイドについて報告している場合は、そのサイドかその手前のネットワークに障害があります（Cisco コミュニティで議論された事例では、データセンターのコア スイッチの障害が原因でした）。",
    },
    causes: {
      en: [
        "A public network failure between the PG and that central controller side.",
        "The router or ccag process on that side stopped or restarted.",
        "Missed heartbeats on the public link because of congestion.",
      ],
      ja: [
        "PG とそのセントラル コントローラ サイドの間のパブリック ネットワーク障害。",
        "そのサイドの Router または ccag プロセスが停止・再起動した。",
        "輻輳により、パブリック回線上のハートビートが欠落した。",
      ],
    },
    fixes: {
      en: [
        "Check whether the other PG side reported the same central controller side at the same time.",
        PG_LOGS_EN,
        "Confirm the reconnection: the Windows event log and the pgag log show when the PG is connected again.",
      ],
      ja: [
        "もう一方の PG サイドが同時刻に同じセントラル コントローラ サイドについて報告していないか確認します。",
        PG_LOGS_JA,
        "再接続を確認します。PG が再接続した時刻は Windows イベント ログと pgag のログに記録されます。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open the Cisco Community thread on this failure", ja: "この障害に関する Cisco コミュニティのスレッドを開く" },
        url: COMM_PG_URL,
      },
    ],
  },
  {
    id: "device-path-idle",
    severity: "warning",
    area: "pg",
    match: {
      kind: "line",
      anchor: "path changing to idle state",
      pattern: /Device (?<device>\S+) path changing to idle state/,
    },
    title: {
      en: "Active path to a device went idle",
      ja: "デバイスへのアクティブ経路がアイドルに変化",
    },
    message: {
      en: "The path to device {device} changed to idle: traffic for it moves to its other path if that one becomes active.",
      ja: "デバイス {device} への経路がアイドルに変わりました。もう一方の経路がアクティブになれば、トラフィックはそちらへ移ります。",
    },
    explanation: {
      en: "Every PG, NIC and Admin Workstation has one active and one idle path to the central controller, one to each side, with heartbeats on the idle path so that it can take over. This entry reports that the named device's active path was demoted. Followed shortly by `path changing to active state` for the same device, it is a normal switch-over; without it, the device may have no active path left.",
      ja: "各 PG、NIC、Admin Workstation は、セントラル コントローラの各サイドへ 1 本ずつ、アクティブ経路とアイドル経路を持ち、アイドル経路でもハートビートを交換して切り替えに備えています。このエントリは、指定デバイスのアクティブ経路が降格されたことを示します。直後に同じデバイスの `path changing to active state` が続けば通常の切り替えです。続かない場合、そのデバイスにはアクティブな経路が残っていない可能性があります。",
    },
    causes: {
      en: [
        "The central controller side the path led to failed or restarted.",
        "The network between the device and that side dropped heartbeats.",
      ],
      ja: [
        "経路の接続先であるセントラル コントローラ サイドに障害が発生した、または再起動した。",
        "デバイスとそのサイドの間のネットワークでハートビートが失われた。",
      ],
    },
    fixes: {
      en: [
        "Look for `path changing to active state` for the same device right after this entry.",
        "If none follows, check the device's connectivity to both central controller sides.",
      ],
      ja: [
        "このエントリの直後に、同じデバイスの `path changing to active state` があるか確認します。",
        "続いていない場合は、そのデバイスから両セントラル コントローラ サイドへの接続を確認します。",
      ],
    },
    quickFixes: [],
  },
  {
    id: "peripheral-offline",
    severity: "error",
    area: "pg",
    match: {
      kind: "line",
      anchor: "is off-line and not visible to the Peripheral Gateway",
      // The message starts with the peripheral (`ACD/IVR IVR4(ID 5007) is off-line ...`); anchoring at
      // the start keeps the lazy capture from being retried at every position.
      pattern: /^(?<peripheral>[^\n]+?) is off-line and not visible to the Peripheral Gateway/,
    },
    title: {
      en: "Peripheral off-line: routing to the site impacted",
      ja: "ペリフェラルがオフライン: サイトへのルーティングに影響",
    },
    message: {
      en: "{peripheral} is off-line and not visible to its Peripheral Gateway: routing to this site is impacted.",
      ja: "{peripheral} がオフラインで、ペリフェラル ゲートウェイから認識できません。このサイトへのルーティングに影響があります。",
    },
    explanation: {
      en: "The PG is running and connected to the central controller, but its Peripheral Interface Manager (PIM) has no working link to the peripheral itself (the ACD, the IVR, or Unified CM for an agent PG). The router therefore treats the peripheral's skill groups and services as unavailable. The Cisco Community case for this message was a core-switch outage at the data centre: the peripheral was reachable again when the network came back.",
      ja: "PG 自体は動作しセントラル コントローラにも接続していますが、その Peripheral Interface Manager (PIM) がペリフェラル（ACD、IVR、エージェント PG の場合は Unified CM）との有効なリンクを持っていません。そのため Router は、このペリフェラルのスキル グループとサービスを利用不可として扱います。このメッセージに関する Cisco コミュニティの事例は、データセンターのコア スイッチ障害によるもので、ネットワークの復旧とともにペリフェラルも再び認識されました。",
    },
    causes: {
      en: [
        "The PIM lost its connection to the ACD, IVR or Unified CM (network, peripheral restart, CTI link down).",
        "The peripheral itself is down or in maintenance.",
        "The PIM process is stopped or disabled on the active PG side.",
      ],
      ja: [
        "PIM が ACD、IVR、Unified CM との接続を失った（ネットワーク、ペリフェラルの再起動、CTI リンクの切断）。",
        "ペリフェラル自体が停止している、または保守中である。",
        "アクティブな PG サイドで PIM プロセスが停止または無効になっている。",
      ],
    },
    fixes: {
      en: [
        "Check the PIM log on the active PG side for the time the peripheral went off-line.",
        "Check the peripheral (ACD, IVR, Unified CM and its JTAPI/CTI users) and the network between it and the PG.",
        "Watch for `Peripheral ... is on-line` to confirm the recovery.",
      ],
      ja: [
        "アクティブな PG サイドの PIM のログで、ペリフェラルがオフラインになった時刻を確認します。",
        "ペリフェラル（ACD、IVR、Unified CM とその JTAPI／CTI ユーザー）と、PG との間のネットワークを確認します。",
        "`Peripheral ... is on-line` が出力されることで復旧を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open the Cisco Community thread on this failure", ja: "この障害に関する Cisco コミュニティのスレッドを開く" },
        url: COMM_PG_URL,
      },
    ],
  },
  {
    id: "peripheral-not-operational",
    severity: "error",
    area: "pg",
    match: {
      kind: "line",
      anchor: "is not operational",
      pattern: /peripheral (?<peripheral>[^\s(]+(?: ?\([^()\n]{1,24}\))?) is not operational/,
    },
    title: {
      en: "PG reports a peripheral not operational",
      ja: "PG がペリフェラルの動作停止を報告",
    },
    message: {
      en: "The PG reports that peripheral {peripheral} is not operational: the router cannot use it for routing until it is reported operational again.",
      ja: "PG が、ペリフェラル {peripheral} が動作していないことを報告しています。再び動作中と報告されるまで、Router はこのペリフェラルをルーティングに使用できません。",
    },
    explanation: {
      en: "This is the central controller's view of a peripheral state change reported by its PG. It differs from the PG itself being disconnected: the PG still talks to the router, but tells it that the peripheral behind it stopped working. The matching recovery entry is `PG has reported that peripheral ... is operational`; the time between the two is the peripheral's outage.",
      ja: "PG から報告されたペリフェラルの状態変化を、セントラル コントローラ側から見たエントリです。PG 自体が切断された場合とは異なり、PG は Router と通信を続けたまま、その配下のペリフェラルが動作を停止したことを伝えています。対応する回復のエントリは `PG has reported that peripheral ... is operational` で、両者の間隔がペリフェラルの停止時間です。",
    },
    causes: {
      en: [
        "The PIM lost its link to the peripheral (ACD, IVR, Unified CM).",
        "The peripheral was restarted or taken out of service.",
      ],
      ja: [
        "PIM とペリフェラル（ACD、IVR、Unified CM）の間のリンクが失われた。",
        "ペリフェラルが再起動された、またはサービスから外された。",
      ],
    },
    fixes: {
      en: [
        "Read the PIM and opc logs on the PG for the same time.",
        "Check the peripheral and its link to the PG; look for the `is operational` entry to confirm recovery.",
      ],
      ja: [
        "同時刻の PG 側の PIM と opc のログを確認します。",
        "ペリフェラルと PG 間のリンクを確認し、`is operational` のエントリで復旧を確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the dumplog command for the OPC log", ja: "OPC のログを出力する dumplog コマンドをコピー" },
        command: "dumplog opc /bt <hh:mm:ss> /et <hh:mm:ss>",
      },
    ],
  },
];

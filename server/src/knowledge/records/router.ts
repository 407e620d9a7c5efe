// Call Router: in-memory state size, which is what a state transfer has to copy to the peer.
// Source: Cisco Doc 19127 "What Does the ICM Event 'The router state size of 31 MB has grown beyond
// the alarm limit of 30 MB' Mean?" (message text and registry value quoted from it).

import type { FailureRecord } from "../types";

const TN19127_URL = "http://www.ciscosystems.com/en/US/products/sw/custcosw/ps1001/products_qanda_item09186a00800943ba.shtml";

export const routerRecords: readonly FailureRecord[] = [
  {
    id: "router-state-size-alarm",
    severity: "information",
    area: "rtr",
    match: {
      kind: "line",
      anchor: "has grown beyond the alarm limit",
      pattern: /router state size of (?<size>\d+) MB has grown beyond the alarm limit of (?<limit>\d+) MB/,
    },
    title: {
      en: "Router state size above its alarm limit",
      ja: "Router の状態サイズがアラーム閾値を超過",
    },
    message: {
      en: "The router's in-memory state is {size} MB, above the alarm limit of {limit} MB. Not route-impacting, but every state transfer to the peer router has to copy it.",
      ja: "Router のメモリ上の状態が {size} MB になり、アラーム閾値 {limit} MB を超えました。ルーティングへの影響はありませんが、相手 Router への状態転送ではこのすべてをコピーする必要があります。",
    },
    explanation: {
      en: "The router keeps the whole configuration and the routing scripts in memory and watches the size of that state against a threshold in its registry (StateSizeThresholdMB, 30 MB by default). Cisco classes the event as informational and non-route-impacting: it only says the configuration has grown. It still matters when a router side restarts, because the running router builds its state transfer from this state; Field Notice 21053 describes a duplexed join failing on a very large configuration (about one million state-transfer objects).",
      ja: "Router は構成全体とルーティング スクリプトをメモリ上に保持し、その状態のサイズをレジストリの閾値（StateSizeThresholdMB、既定 30 MB）と比較しています。Cisco はこのイベントを情報レベルかつルーティングに影響しないものとしており、構成が大きくなったことを示すだけです。ただし Router のサイドが再起動した場合、稼働中の Router はこの状態から状態転送を作成するため無関係ではありません。Field Notice 21053 には、非常に大きな構成（状態転送オブジェクト約 100 万個）で二重化の結合に失敗した事例が記載されています。",
    },
    causes: {
      en: [
        "The configuration has grown: many dialed numbers, labels, services, skill groups, call types and script versions.",
        "Old configuration and unused script versions were never deleted.",
        "The threshold is still the 30 MB default on a system sized for more.",
      ],
      ja: [
        "構成が増大した（多数のダイヤル番号、ラベル、サービス、スキル グループ、コール タイプ、スクリプトのバージョン）。",
        "古い構成や使われていないスクリプトのバージョンが削除されずに残っている。",
        "より大規模な構成を想定したシステムで、閾値が既定の 30 MB のままになっている。",
      ],
    },
    fixes: {
      en: [
        "Delete configuration and script versions that are no longer needed to reduce the state size.",
        "Or raise StateSizeThresholdMB under the Router's ...\\Router\\CurrentVersion\\Configuration\\StateTransfer registry key (older releases keep it under the GeoTel\\ICR key) to a value suited to the system.",
      ],
      ja: [
        "不要になった構成やスクリプトのバージョンを削除して、状態サイズを減らします。",
        "または、Router の ...\\Router\\CurrentVersion\\Configuration\\StateTransfer レジストリ キー（旧リリースでは GeoTel\\ICR キーの下）にある StateSizeThresholdMB を、システムに見合った値に引き上げます。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the command that shows StateSizeThresholdMB", ja: "StateSizeThresholdMB を表示するコマンドをコピー" },
        command: 'reg query "HKLM\\SOFTWARE\\Cisco Systems, Inc.\\ICM" /s /f StateSizeThresholdMB',
      },
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 19127 (router state size)", ja: "Cisco Doc 19127（Router の状態サイズ）を開く" },
        url: TN19127_URL,
      },
    ],
  },
];

// Node-level events: a deliberate shutdown of the ICM software by an operator. It reads like an outage but is
// harmless when planned.
// Source: Serviceability Best Practices Guide for Unified ICM/Unified CCE 9.0, section 4.3 "Correlating Dual State
// Notifications" (mirror: https://manualsbrain.com/pt/manuals/1694573/?page=73): raise event of class
// CLASS_NM_INITIALIZING, cccaEventState raise(4), cccaEventSeverity warning(2), cccaEventText "The operator/administrator
// has shutdown the ICM software on ICM\acme\RouterA."; its clear event, matched by cccaEventComponentId, is
// informational(1), "ICM\acme\RouterA Node Manager started. Last shutdown was by operator request.", action: none.

import type { FailureRecord } from "../types";

const SBP9_NOTIFICATIONS_URL = "https://manualsbrain.com/pt/manuals/1694573/?page=73";

export const nodeEventRecords: readonly FailureRecord[] = [
  {
    id: "nm-operator-shutdown",
    severity: "information",
    area: "nm",
    match: {
      kind: "line",
      anchor: "has shutdown the ICM software",
      // Published wrapped: "...has shutdown the ICM software on \nICM\acme\RouterA."
      pattern: /has shutdown the ICM software on\s+(?<node>[^\s.]+)/,
    },
    title: {
      en: "ICM software shut down by an operator",
      ja: "運用者が ICM ソフトウェアを停止",
    },
    message: {
      en: "Node Manager reports that the operator/administrator shut down the ICM software on {node}: a deliberate stop, not a failure.",
      ja: "Node Manager の報告: 運用者/管理者が {node} の ICM ソフトウェアを停止しました。障害ではなく、意図的な停止です。",
    },
    explanation: {
      en: "A Node Manager notification of the class CLASS_NM_INITIALIZING. Cisco's Serviceability guide shows it as a raise event with severity warning(2), cleared by '<node> Node Manager started. Last shutdown was by operator request.' with the same cccaEventComponentId, for which no action is required. It records that someone stopped the ICM software on that node on purpose.",
      ja: "CLASS_NM_INITIALIZING クラスの Node Manager 通知です。Cisco の Serviceability ガイドでは、重大度 warning(2) の raise イベントとして示され、同じ cccaEventComponentId を持つ '<node> Node Manager started. Last shutdown was by operator request.' でクリアされ、これについて対処は不要とされています。誰かがそのノードの ICM ソフトウェアを意図的に停止したことを記録するものです。",
    },
    causes: {
      en: ["An operator or administrator stopped the ICM software on that node."],
      ja: ["運用者または管理者が、そのノードの ICM ソフトウェアを停止した。"],
    },
    fixes: {
      en: [
        "If the shutdown was planned, expect the matching 'Node Manager started. Last shutdown was by operator request.' when the software is started again.",
        "If nobody planned it, find out who stopped the ICM software on that node.",
      ],
      ja: [
        "計画どおりの停止であれば、ソフトウェアの再起動時に対応する 'Node Manager started. Last shutdown was by operator request.' が出力されることを確認します。",
        "計画外の停止であれば、誰がそのノードの ICM ソフトウェアを停止したかを確認します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open the Serviceability Best Practices Guide, 4.3 Correlating Dual State Notifications", ja: "Serviceability Best Practices Guide の 4.3 Correlating Dual State Notifications を開く" },
        url: SBP9_NOTIFICATIONS_URL,
      },
    ],
  },
];

// Failures that show only when both sides' traces are read together (core/pairRules.ts).

import type { FailureRecord } from "../types";

export const pairRecords: readonly FailureRecord[] = [  // Rule `config-checksum-differs` (across a pair of traces, like the compare view): each Logger logs
  // `Checksum config complete: Rows = <r>, bytes = <b>, checksum = <c>, updateKey = <k>` at start-up
  // (the Japanese tech note's traces). When the two sides report the same updateKey but a different checksum, rows or
  // bytes, their configurations differ at the same point in time. Reported on the later side's entry.
  // Values: side (the side reporting), updateKey, checksumA, checksumB, rowsA, rowsB.
  {
    id: "config-checksum-differs",
    severity: "error",
    area: "config",
    match: { kind: "pair", rule: "config-checksum-differs" },
    title: { en: "Configuration checksum differs between the sides", ja: "構成のチェックサムがサイド間で不一致" },
    message: {
      en: "At update key {updateKey} side A reports checksum {checksumA} ({rowsA} rows) and side B checksum {checksumB} ({rowsB} rows): the two configurations are not the same.",
      ja: "更新キー {updateKey} の時点で、サイド A のチェックサムは {checksumA}（{rowsA} 行）、サイド B は {checksumB}（{rowsB} 行）です。両サイドの構成は同一ではありません。",
    },
    explanation: {
      en: "At start-up each Logger computes a checksum over its configuration tables and logs it with the update key of the last configuration transaction it holds. Two sides that have applied the same transactions (same update key) must have the same checksum. A difference means a configuration change reached one database and not the other — a direct edit in SQL, a restore, a failed synchronisation — and the routers of the two sides may route differently.",
      ja: "各 Logger は起動時に構成テーブル全体のチェックサムを計算し、保持している最後の構成トランザクションの更新キーとともに出力します。同じトランザクションを適用した（更新キーが同じ）両サイドのチェックサムは一致するはずです。一致しない場合は、構成変更が一方のデータベースにだけ反映されています（SQL での直接編集、復元、同期の失敗など）。両サイドの Router が異なるルーティングを行う可能性があります。",
    },
    causes: {
      en: [
        "A configuration table was edited directly in SQL on one side.",
        "One side's database was restored from a backup.",
        "A synchronisation between the Loggers did not complete.",
      ],
      ja: [
        "一方のサイドで構成テーブルが SQL で直接編集された。",
        "一方のサイドのデータベースがバックアップから復元された。",
        "Logger 間の同期が完了しなかった。",
      ],
    },
    fixes: {
      en: [
        "Decide which side holds the correct configuration.",
        "Synchronise the other side's database from it with ICMDBA, then restart that side's Logger and check that both checksums match.",
      ],
      ja: [
        "どちらのサイドが正しい構成を保持しているかを判断します。",
        "ICMDBA で正しいサイドからもう一方のデータベースを同期し、そのサイドの Logger を再起動して、両方のチェックサムが一致することを確認します。",
      ],
    },
    quickFixes: [],
  },
];

// VRU PIM: a VRU registering Expanded Call Context (ECC) variables that the ICM configuration lacks.
// Source: Cisco ICM tech note, Document ID 20520
// (http://www.cisco.com/en/US/products/sw/custcosw/ps1001/products_tech_note09186a0080094999.shtml):
// `16:23:14 pg41A-pim1 Trace: VRU attempted to register for a non-existant ECC variable: "ABC_Call10"` and the same
// for ABC_Call9, 8 and 7 (the product spells it "non-existant").

import type { FailureRecord } from "../types";

const TN20520_URL = "http://www.cisco.com/en/US/products/sw/custcosw/ps1001/products_tech_note09186a0080094999.shtml";

export const vruPimRecords: readonly FailureRecord[] = [
  {
    id: "vru-ecc-variable-not-defined",
    severity: "warning",
    area: "pim",
    match: {
      kind: "line",
      anchor: "attempted to register for a non-existant ECC variable",
      pattern: /non-existant ECC variable: "(?<variable>[^"\n]{1,64})"/,
    },
    title: {
      en: "VRU asked for an ECC variable that ICM does not define",
      ja: "ICM に定義されていない ECC 変数を VRU が要求",
    },
    message: {
      en: "The VRU tried to register the Expanded Call Context variable \"{variable}\", which does not exist in the ICM configuration.",
      ja: "VRU が拡張コール コンテキスト変数「{variable}」を登録しようとしましたが、ICM の構成に存在しません。",
    },
    explanation: {
      en: "The PIM of a VRU PG logs this when the VRU tries to register, by name, an Expanded Call Context (ECC) variable that does not exist in the ICM configuration; it logs one entry per name, so several often come in a row. Cisco Doc 20520 shows it for a pim1 on a VRU PG and variables named ABC_Call7 to ABC_Call10; its resolution section could not be read for this record.",
      ja: "VRU PG の PIM は、ICM の構成に存在しない拡張コール コンテキスト（ECC）変数を VRU が名前で登録しようとしたときにこれを記録します。名前ごとに 1 エントリを記録するため、連続して出ることがよくあります。Cisco Doc 20520 は、VRU PG の pim1 と ABC_Call7 から ABC_Call10 という名前の変数についてこれを示しています。その解決策の節はこのレコードの作成時に参照できませんでした。",
    },
    causes: {
      en: ["The variable name the VRU registers is not defined as an ECC variable in ICM, or is spelled differently there."],
      ja: ["VRU が登録する変数名が ICM に ECC 変数として定義されていない、または ICM 側で綴りが異なる。"],
    },
    fixes: {
      en: [
        "Compare the names in these entries with the ECC variables defined in the ICM configuration.",
        "Read Cisco Doc 20520 for the documented resolution before changing the VRU or the ICM configuration.",
      ],
      ja: [
        "これらのエントリの変数名を、ICM の構成に定義されている ECC 変数と比較します。",
        "VRU や ICM の構成を変更する前に、文書化された解決策について Cisco Doc 20520 を参照します。",
      ],
    },
    quickFixes: [
      {
        kind: "openUrl",
        title: { en: "Open Cisco Doc 20520 (non-existent ECC variable)", ja: "Cisco Doc 20520（存在しない ECC 変数）を開く" },
        url: TN20520_URL,
      },
    ],
  },
];

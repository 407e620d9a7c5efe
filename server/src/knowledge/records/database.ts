// Logger database: schema version checks at start-up.

import type { FailureRecord } from "../types";

export const databaseRecords: readonly FailureRecord[] = [
  {
    id: "schema-version-mismatch",
    severity: "error",
    area: "lgr",
    match: { kind: "sequence", rule: "schema-version-mismatch" },
    title: {
      en: "Database schema version does not match the Logger",
      ja: "データベースのスキーマ バージョンが Logger と一致しない",
    },
    message: {
      en: "The database uses schema Major Version {dbMajor}, CC Minor Version {dbMinor}, but this Logger is compatible with Major Version {lgrMajor}, CC Minor Version {lgrMinor}.",
      ja: "データベースのスキーマは Major Version {dbMajor}、CC Minor Version {dbMinor} ですが、この Logger が対応しているのは Major Version {lgrMajor}、CC Minor Version {lgrMinor} です。",
    },
    explanation: {
      en: "At start-up the Logger reads the schema version stored in its central database (`Database uses Major Version X, CC Minor Version Y of the Schema`) and compares it with the version it was built for (`Logger Compatible with ...`). When they differ, the database was not upgraded with the software (or was restored from another release), and the Logger cannot use it safely.",
      ja: "Logger は起動時に、セントラル データベースに記録されたスキーマ バージョン（`Database uses Major Version X, CC Minor Version Y of the Schema`）と、自身が対応するバージョン（`Logger Compatible with ...`）を比較します。一致しない場合、ソフトウェアのアップグレード時にデータベースが更新されていないか、別リリースのバックアップから復元されており、Logger はそのデータベースを安全に使用できません。",
    },
    causes: {
      en: [
        "The ICM software was upgraded or patched but the database schema upgrade (EDMT/ICMDBA) was not run or failed.",
        "The database was restored from a backup taken on another release.",
        "The two sides run different releases.",
      ],
      ja: [
        "ICM ソフトウェアをアップグレードまたはパッチ適用したが、データベース スキーマのアップグレード（EDMT/ICMDBA）を実行していないか失敗した。",
        "別リリースで取得したバックアップからデータベースを復元した。",
        "両サイドで異なるリリースが動作している。",
      ],
    },
    fixes: {
      en: [
        "Run the database migration for the installed release (EDMT) or restore a database of the matching release.",
        "Make both sides run the same release and patch level.",
      ],
      ja: [
        "インストール済みリリース用のデータベース移行（EDMT）を実行するか、同じリリースのデータベースを復元します。",
        "両サイドのリリースとパッチ レベルをそろえます。",
      ],
    },
    quickFixes: [
      {
        kind: "copyCommand",
        title: { en: "Copy the SQL that shows the schema version in the database", ja: "データベースのスキーマ バージョンを表示する SQL をコピー" },
        command: "SELECT * FROM Controller_Time; SELECT * FROM Version;",
      },
    ],
  },
];

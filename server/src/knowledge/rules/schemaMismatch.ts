// The schema version the database holds against the one the Logger is built for.

import type { TraceEntry } from "../../model/entries";
import { defineRule, type RuleHit } from "./rule";

const DATABASE_VERSION = "Database uses Major Version";
const LOGGER_VERSION = "Compatible with Major Version";

// `Major Version 77, CC Minor Version 4`: fixed words around bounded digit runs, linear.
const SCHEMA_VERSION = /Major Version (\d{1,6}), CC Minor Version (\d{1,6})/;

export const schemaMismatch = defineRule({
  markers: [DATABASE_VERSION, LOGGER_VERSION],
  create() {
    const hits: RuleHit[] = [];
    let database: { entry: TraceEntry; major: string; minor: string } | null = null;
    return {
      onEntry(seen) {
        const isDatabase = seen.holds(DATABASE_VERSION);
        if (!isDatabase && !seen.holds(LOGGER_VERSION)) return;
        const version = SCHEMA_VERSION.exec(seen.message);
        if (version === null) return;
        if (isDatabase) {
          database = { entry: seen.entry, major: version[1]!, minor: version[2]! };
          return;
        }
        if (database === null) return;
        if (database.major !== version[1] || database.minor !== version[2]) {
          const values = { dbMajor: database.major, dbMinor: database.minor, lgrMajor: version[1]!, lgrMinor: version[2]! };
          hits.push({
            entry: seen.entry,
            values: { en: values, ja: values },
            related: [{ entry: database.entry, message: { en: "Schema version stored in the database", ja: "データベースに記録されたスキーマ バージョン" } }],
          });
        }
        database = null;
      },
      finish() {
        return hits;
      },
    };
  },
});

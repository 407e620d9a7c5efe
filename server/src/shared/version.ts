// The version esbuild writes in from package.json; `dev` when run unbundled.
declare const __ICM_TRACE_VERSION__: string | undefined;
export const VERSION: string = typeof __ICM_TRACE_VERSION__ === "string" ? __ICM_TRACE_VERSION__ : "dev";

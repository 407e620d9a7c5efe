// Plain-text detection as the client loads it: a bundle of its own (dist/traceDetection.js, built
// from formats/detect.ts), required when the first Plain Text document is looked at.

/** How much of the start of a document the check reads. */
export const DETECTION_HEAD_CHARS = 4096;

export interface TraceDetection {
  readonly DETECTION_HEAD_CHARS: number;
  /** Whether a text's first lines look like an ICM trace. */
  looksLikeIcmTrace(head: string): boolean;
}

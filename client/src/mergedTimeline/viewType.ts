// The merged timeline's webview panel type, in a file of its own: activation registers its
// serializer without loading the panel, its messages or the renderings they use.

export const MERGED_TIMELINE_VIEW_TYPE = "icmTrace.mergedTimeline";

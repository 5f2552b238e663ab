import type { Guide } from "../content/guide.ts";

/** What the build sends the search-index worker first: the guides to index and the folder to write. */
export interface IndexerRequest {
  guides: Guide[];
  folder: string;
}
export type IndexerReply = { written: number } | { error: string };
/** Sent after the request when the index is no longer wanted: a newer preview build has started. */
export const cancelIndexing = "cancel";

/** What a build tells whoever runs it, stage by stage; every stage is optional to listen to. */
export interface BuildReporter {
  guidesRead?: (count: number, milliseconds: number) => void;
  /** Each page or file as Eleventy writes it. */
  pageWritten?: (outputPath: string) => void;
  pagesWritten?: (count: number) => void;
  searchIndexed?: (documents: number, milliseconds: number) => void;
  cardsDrawn?: (outcome: { drawn: number; fromCache: number; milliseconds: number }) => void;
  /** Something the build did not do as written (text left off a social card, say); the build still succeeds. */
  warning?: (message: string) => void;
}

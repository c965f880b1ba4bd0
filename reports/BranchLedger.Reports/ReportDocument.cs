namespace BranchLedger.Reports;

/// <summary>A report as renderers see it: a title and blocks in reading order, no format of its own.</summary>
/// <param name="Title">The title.</param>
/// <param name="Blocks">Headings, paragraphs and tables.</param>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>One block of a report.</summary>
public abstract record ReportBlock;

/// <summary>A heading; level 1 is the top level under the title.</summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of body text.</summary>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A table with a header row.</summary>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

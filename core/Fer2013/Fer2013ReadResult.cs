namespace FerMusic.Core.Fer2013;

/// <param name="Dataset">The rows that were read.</param>
/// <param name="SkippedRows">How many malformed rows were skipped (only with <see cref="Fer2013ReadOptions.SkipBadRows"/>).</param>
/// <param name="Problems">The first few skipped rows' errors, each naming file and line.</param>
public sealed record Fer2013ReadResult(Fer2013Dataset Dataset, int SkippedRows, IReadOnlyList<Fer2013FormatException> Problems);

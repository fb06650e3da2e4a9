namespace FerMusic.Core.Fer2013;

public sealed record Fer2013ReadOptions
{
    /// <summary>Skip malformed rows (and count them) instead of stopping at the first one.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>How many skipped-row messages to keep for the report.</summary>
    public int MaxReportedProblems { get; init; } = 10;
}

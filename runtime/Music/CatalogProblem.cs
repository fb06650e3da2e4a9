namespace FerMusic.Runtime.Music;

/// <summary>A row of a music table that was left out, with where it is and why.</summary>
public sealed record CatalogProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

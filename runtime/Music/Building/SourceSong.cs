namespace FerMusic.Runtime.Music.Building;

/// <summary>One song as a source table has it, with its popularity (0..1) and where it came from.</summary>
public sealed record SourceSong(Track Track, double Popularity, string File, long Line);

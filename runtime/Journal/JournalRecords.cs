using FerMusic.Runtime.Mood;
using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Journal;

/// <summary>A past session: when, how long, its most frequent emotion, how many tracks played and were liked.</summary>
public sealed record SessionSummary(long Id, DateTimeOffset Started, DateTimeOffset? Ended, int Seconds, int FaceSeconds, string? TopEmotion,
    int TracksPlayed, int TracksLiked);

/// <summary>One second of a session's timeline: seconds since the session started.</summary>
public sealed record TimelineSecond(long T, double Face, string? Emotion, double? Valence, double? Arousal);

/// <summary>A track event on a session's timeline.</summary>
public sealed record TimelineTrack(double T, string Kind, string Title, string Artist);

/// <summary>A session's mood second by second and the tracks that started, were liked or skipped.</summary>
public sealed record Timeline(long Id, DateTimeOffset Started, IReadOnlyList<TimelineSecond> Seconds, IReadOnlyList<TimelineTrack> Tracks);

/// <summary>A count of likes and skips (for an artist, a genre or a track).</summary>
public sealed record Liking(string Name, int Likes, int Skips, string? Artist = null);

/// <summary>
/// What a listener's journal says of their taste: artists, genres and tracks by likes and skips, and the direction
/// likes pull in (mean of liked tracks' valence, energy and power minus the targets they were picked for; skips
/// count the other way). The feedback events themselves, oldest first, are what a new session replays.
/// </summary>
public sealed record TasteProfile(IReadOnlyList<Liking> Artists, IReadOnlyList<Liking> Genres, IReadOnlyList<Liking> Tracks,
    double ValenceDirection, double EnergyDirection, double PowerDirection, IReadOnlyList<Feedback> Feedback)
{
    public static TasteProfile Empty { get; } = new([], [], [], 0, 0, 0, []);

    /// <summary>
    /// Replays the journal's likes and skips, oldest first, into a new session's taste, exactly as they acted when they
    /// were given, so a returning listener's first tracks already follow them. Tracks no longer in the catalogue are passed over.
    /// </summary>
    /// <returns>How many were replayed.</returns>
    public int ApplyTo(ListeningSession session, MusicCatalog catalog)
    {
        var applied = 0;
        foreach (var f in Feedback)
        {
            if (catalog.Find(f.Artist, f.Title) is not { } track)
            {
                continue;
            }
            var target = new MusicTarget(f.TargetValence, f.TargetEnergy, f.TargetPower);
            if (f.Kind == "liked")
            {
                session.Like(track, target);
            }
            else
            {
                session.Skip(track, target);
            }
            applied++;
        }
        return applied;
    }
}

/// <summary>One like or skip from the journal, with the target its track was picked for.</summary>
public sealed record Feedback(string Kind, string Title, string Artist, double TargetValence, double TargetEnergy, double TargetPower);

/// <summary>How much was deleted and what the file weighs before and after.</summary>
public sealed record DeleteResult(int Sessions, long BytesBefore, long BytesAfter);

namespace FerMusic.Runtime.Music;

/// <summary>
/// One listener's history: tracks already recommended (never repeated) and liked or skipped ones, which pull
/// later picks towards or away from their valence and energy. Not shared between listeners.
/// </summary>
public sealed class ListeningSession
{
    private readonly HashSet<string> _played = [];
    private readonly List<Track> _liked = [];
    private readonly List<Track> _skipped = [];

    public bool WasPlayed(Track track) => _played.Contains(track.Key);

    public void MarkPlayed(IEnumerable<Track> tracks)
    {
        foreach (var track in tracks)
        {
            _played.Add(track.Key);
        }
    }

    public void Like(Track track) => _liked.Add(track);

    public void Skip(Track track) => _skipped.Add(track);

    /// <summary>Extra distance for a candidate: less near liked tracks, more near skipped ones and their artists.</summary>
    public double Preference(Track candidate)
    {
        double penalty = 0;
        foreach (var liked in _liked)
        {
            penalty -= 0.05 * Math.Exp(-Distance(candidate, liked) * 8);
        }
        foreach (var skipped in _skipped)
        {
            penalty += 0.1 * Math.Exp(-Distance(candidate, skipped) * 8) + (candidate.Artist == skipped.Artist ? 0.2 : 0);
        }
        return penalty;
    }

    private static double Distance(Track a, Track b) => Math.Sqrt(Math.Pow(a.Valence - b.Valence, 2) + Math.Pow(a.Energy - b.Energy, 2));
}

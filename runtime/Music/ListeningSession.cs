using FerMusic.Runtime.Mood;

namespace FerMusic.Runtime.Music;

/// <summary>
/// One listener's history and taste: what has played (no song twice until the well-matched pool is used up), the
/// last <see cref="RecentWindow"/> tracks (no artist or title twice among them), and likes and skips. A like raises
/// the liked track's artists and genre and pulls the target a little towards its sound; a skip does the opposite,
/// and an artist skipped is not picked again while others are left. Not shared between listeners.
/// </summary>
public sealed class ListeningSession
{
    public const int RecentWindow = 10;

    /// <summary>How far likes and skips may move the target on each axis.</summary>
    public const double MaxShift = 0.12;

    private readonly HashSet<string> _played = [];
    private readonly HashSet<string> _skipped = [];
    private readonly Queue<Track> _recent = new();
    private readonly Dictionary<string, double> _artists = [];
    private readonly Dictionary<string, double> _genres = [];
    private double _shiftValence, _shiftEnergy, _shiftPower;

    public IReadOnlyCollection<Track> Recent => _recent;

    public bool WasPlayed(Track track) => _played.Contains(track.Key);

    public bool WasSkipped(Track track) => _skipped.Contains(track.Key);

    public void MarkPlayed(Track track)
    {
        _played.Add(track.Key);
        _recent.Enqueue(track);
        while (_recent.Count > RecentWindow - 1)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>Everything has played: start again, keeping only the recent tracks out.</summary>
    public void ForgetPlayed()
    {
        _played.Clear();
        foreach (var track in _recent)
        {
            _played.Add(track.Key);
        }
    }

    public void Like(Track track, MusicTarget target) => Feedback(track, target, 1);

    public void Skip(Track track, MusicTarget target)
    {
        _skipped.Add(track.Key);
        Feedback(track, target, -1);
    }

    private void Feedback(Track track, MusicTarget target, int sign)
    {
        foreach (var artist in track.Artists)
        {
            _artists[artist] = _artists.GetValueOrDefault(artist) + sign;
        }
        _genres[track.Genre] = _genres.GetValueOrDefault(track.Genre) + (sign > 0 ? 1 : -0.5);
        var pull = sign > 0 ? 0.35 : -0.15;
        _shiftValence = Math.Clamp(_shiftValence + pull * (track.Valence - target.Valence), -MaxShift, MaxShift);
        _shiftEnergy = Math.Clamp(_shiftEnergy + pull * (track.Energy - target.Energy), -MaxShift, MaxShift);
        _shiftPower = Math.Clamp(_shiftPower + pull * (track.Power - target.Power), -MaxShift, MaxShift);
    }

    /// <summary>The target moved by the listener's likes and skips.</summary>
    public MusicTarget Adjust(MusicTarget target) =>
        new MusicTarget(target.Valence + _shiftValence, target.Energy + _shiftEnergy, target.Power + _shiftPower).Clamped();

    /// <summary>Added to a candidate's distance: less for liked artists and genres, much more for skipped artists.</summary>
    public double Preference(Track candidate)
    {
        if (_artists.Count == 0 && _genres.Count == 0)
        {
            return 0;
        }
        double artist = 0;
        foreach (var name in candidate.Artists)
        {
            artist += _artists.GetValueOrDefault(name);
        }
        var penalty = artist < 0 ? 0.5 : -0.06 * Math.Min(artist, 3);
        return penalty - 0.03 * Math.Clamp(_genres.GetValueOrDefault(candidate.Genre), -3, 3);
    }
}

using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Mood;

/// <summary>
/// Where music should sit: valence and energy (0..1, as in Spotify's audio features) and power (0..1,
/// <see cref="Track.Power"/>: loud and electric against quiet and acoustic).
/// </summary>
public readonly record struct MusicTarget(double Valence, double Energy, double Power = 0.5)
{
    /// <summary>How much a difference in power counts against one in valence or energy.</summary>
    public const double PowerWeight = 0.5;

    /// <summary>Music like the mood: valence to valence, arousal to energy, dominance to power, each -1..1 onto 0..1.</summary>
    public static MusicTarget Matching(Affect mood) => new((mood.Valence + 1) / 2, (mood.Arousal + 1) / 2, (mood.Dominance + 1) / 2);

    public double DistanceTo(Track track) => Distance(track.Valence, track.Energy, track.Power);

    public double Distance(double valence, double energy, double power)
    {
        var dv = valence - Valence;
        var de = energy - Energy;
        var dp = (power - Power) * PowerWeight;
        return Math.Sqrt(dv * dv + de * de + dp * dp);
    }

    /// <summary>The point <paramref name="share"/> of the way from here to <paramref name="to"/>.</summary>
    public MusicTarget Towards(MusicTarget to, double share) =>
        new(Valence + (to.Valence - Valence) * share, Energy + (to.Energy - Energy) * share, Power + (to.Power - Power) * share);

    public MusicTarget Clamped() => new(Math.Clamp(Valence, 0, 1), Math.Clamp(Energy, 0, 1), Math.Clamp(Power, 0, 1));
}

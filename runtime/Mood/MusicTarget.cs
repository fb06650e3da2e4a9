namespace FerMusic.Runtime.Mood;

/// <summary>The valence and energy (both 0..1, as in Spotify's audio features) that music should have.</summary>
public readonly record struct MusicTarget(double Valence, double Energy)
{
    public static MusicTarget Matching(Affect mood) => new((mood.Valence + 1) / 2, (mood.Arousal + 1) / 2);
}

namespace FerMusic.Runtime.Mood;

/// <summary>A point on the circumplex of affect: valence (unpleasant -1 .. pleasant 1) and arousal (calm -1 .. excited 1).</summary>
public readonly record struct Mood(double Valence, double Arousal);

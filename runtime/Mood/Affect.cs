namespace FerMusic.Runtime.Mood;

/// <summary>A mood: a point on the circumplex of affect (Russell, 1980), valence (unpleasant -1 .. pleasant 1) and arousal (calm -1 .. excited 1).</summary>
public readonly record struct Affect(double Valence, double Arousal);

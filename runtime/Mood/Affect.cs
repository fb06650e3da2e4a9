namespace FerMusic.Runtime.Mood;

/// <summary>
/// A mood: pleasure/valence (unpleasant -1 .. pleasant 1), arousal (calm -1 .. excited 1) and dominance (overpowered,
/// as in fear, -1 .. in control, as in anger, 1): the three axes of Mehrabian and Russell's PAD model.
/// </summary>
public readonly record struct Affect(double Valence, double Arousal, double Dominance = 0);

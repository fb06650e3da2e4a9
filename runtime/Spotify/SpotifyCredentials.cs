namespace FerMusic.Runtime.Spotify;

/// <summary>A Spotify app's client id and secret, from SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET. Never printed.</summary>
public sealed class SpotifyCredentials(string clientId, string clientSecret)
{
    public string ClientId { get; } = clientId;

    internal string ClientSecret { get; } = clientSecret;

    public static SpotifyCredentials? FromEnvironment()
    {
        var id = Environment.GetEnvironmentVariable("SPOTIFY_CLIENT_ID");
        var secret = Environment.GetEnvironmentVariable("SPOTIFY_CLIENT_SECRET");
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret) ? null : new SpotifyCredentials(id.Trim(), secret.Trim());
    }

    public override string ToString() => $"Spotify app {ClientId} (secret hidden)";
}

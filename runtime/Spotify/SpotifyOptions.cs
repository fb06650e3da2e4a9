namespace FerMusic.Runtime.Spotify;

/// <param name="RequestTimeout">Each HTTP request gives up after this long.</param>
/// <param name="MaxRetries">How often a failed request (timeout, 5xx, 429 after its Retry-After) is retried.</param>
/// <param name="MaxRetryAfter">How much longer than its attempts a request may take, waiting for Retry-After.</param>
/// <param name="OfflineFor">After a failure, the local catalogue is used alone for this long.</param>
public sealed record SpotifyOptions(
    Uri? AccountsBase = null,
    Uri? ApiBase = null,
    TimeSpan? RequestTimeout = null,
    int MaxRetries = 2,
    TimeSpan? MaxRetryAfter = null,
    TimeSpan? OfflineFor = null)
{
    public Uri Accounts => AccountsBase ?? new Uri("https://accounts.spotify.com/");
    public Uri Api => ApiBase ?? new Uri("https://api.spotify.com/");
    public TimeSpan Timeout => RequestTimeout ?? TimeSpan.FromSeconds(4);
    public TimeSpan RetryAfterLimit => MaxRetryAfter ?? TimeSpan.FromSeconds(10);
    public TimeSpan Offline => OfflineFor ?? TimeSpan.FromMinutes(2);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FerMusic.Runtime.Spotify;

/// <summary>
/// The little of the Spotify Web API FerMusic uses: an app token by the client-credentials flow (refreshed before it
/// expires, and once more when a request answers 401) and <c>GET /v1/search</c> for tracks, over a typed client whose
/// resilience handler times requests out and retries them (<see cref="SpotifyServices"/>). Failures surface as
/// <see cref="SpotifyException"/>.
/// (Spotify closed recommendations, audio features and editorial playlists to new apps in November 2024; the
/// catalogue's own audio features stand in for them.)
/// </summary>
public sealed class SpotifyClient(HttpClient http, SpotifyCredentials credentials, SpotifyOptions? options = null)
{
    private readonly SpotifyOptions _options = options ?? new SpotifyOptions();
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpires;

    public sealed record FoundTrack(string Id, string Name, IReadOnlyList<string> Artists, string Url);

    /// <summary>Spotify's best few results for a title and artist (possibly none; whether one is the song is the caller's call).</summary>
    public async Task<IReadOnlyList<FoundTrack>> SearchTrackAsync(string title, string artist, CancellationToken cancellation = default)
    {
        var query = Uri.EscapeDataString($"track:{title} artist:{artist}");
        using var response = await SendAuthorizedAsync(() => new HttpRequestMessage(HttpMethod.Get,
            new Uri(_options.Api, $"v1/search?q={query}&type=track&limit=5")), cancellation);
        using var json = await ReadJsonAsync(response, cancellation);
        return [.. json.RootElement.GetProperty("tracks").GetProperty("items").EnumerateArray().Select(item => new FoundTrack(
            item.GetProperty("id").GetString()!,
            item.GetProperty("name").GetString()!,
            [.. item.GetProperty("artists").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)],
            item.GetProperty("external_urls").GetProperty("spotify").GetString()!))];
    }

    private async Task<HttpResponseMessage> SendAuthorizedAsync(Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        var token = await TokenAsync(forceRefresh: false, cancellation);
        var response = await SendAsync(request, token, cancellation);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            token = await TokenAsync(forceRefresh: true, cancellation);
            response = await SendAsync(request, token, cancellation);
        }
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new SpotifyException($"Spotify answered {(int)status} {status}.");
        }
        return response;
    }

    /// <summary>
    /// Sends once: timeouts, retries (429 after its Retry-After, transient failures) and the circuit breaker are the
    /// resilience handler's (see <see cref="SpotifyServices"/>); whatever still fails becomes a <see cref="SpotifyException"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string? bearer, CancellationToken cancellation)
    {
        using var request = create();
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        try
        {
            var response = await http.SendAsync(request, cancellation);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Dispose();
                throw new SpotifyException("Spotify is rate-limiting (429 after the retries).");
            }
            return response;
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new SpotifyException($"Spotify did not answer within {_options.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            throw new SpotifyException("Spotify has been failing; requests are paused for a while.", e);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new SpotifyException($"Spotify did not answer within {_options.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new SpotifyException($"Spotify cannot be reached ({e.Message}).", e);
        }
    }

    private async Task<string> TokenAsync(bool forceRefresh, CancellationToken cancellation)
    {
        await _tokenGate.WaitAsync(cancellation);
        try
        {
            if (!forceRefresh && _token is not null && DateTimeOffset.UtcNow < _tokenExpires)
            {
                return _token;
            }
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ClientId}:{credentials.ClientSecret}"));
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Accounts, "api/token"))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Basic", basic) },
                Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
            }, bearer: null, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                throw new SpotifyException($"Spotify refused the app credentials ({(int)response.StatusCode} {response.StatusCode}).");
            }
            using var json = await ReadJsonAsync(response, cancellation);
            _token = json.RootElement.GetProperty("access_token").GetString();
            var lifetime = json.RootElement.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 3600;
            _tokenExpires = DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, lifetime - 60));
            return _token ?? throw new SpotifyException("Spotify's token answer has no access_token.");
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellation);
        }
        catch (JsonException e)
        {
            throw new SpotifyException("Spotify's answer is not the JSON expected.", e);
        }
    }
}

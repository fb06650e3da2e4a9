using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FerMusic.Runtime.Spotify;

/// <summary>
/// Spotify in dependency injection: a typed <see cref="HttpClient"/> for <see cref="SpotifyClient"/> behind .NET's
/// standard resilience handler (a timeout per attempt, retries of transient failures and of 429 after its
/// Retry-After, a circuit breaker, a total timeout), and the <see cref="SpotifyLinker"/> that uses it. Nothing is
/// registered without credentials: the app then runs on its catalogue alone.
/// </summary>
public static class SpotifyServices
{
    public static IServiceCollection AddSpotify(this IServiceCollection services, SpotifyCredentials? credentials, SpotifyOptions? options = null)
    {
        if (credentials is null)
        {
            return services;
        }
        var settings = options ?? new SpotifyOptions();
        services.AddSingleton(credentials);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<SpotifyClient>()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = settings.Timeout;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetries);
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * settings.Timeout.Ticks));
                resilience.TotalRequestTimeout.Timeout = settings.Timeout * (settings.MaxRetries + 1) + settings.RetryAfterLimit;
            });
        services.AddSingleton(provider => new SpotifyLinker(provider.GetRequiredService<SpotifyClient>(), settings, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>A linker outside a web host (the <c>run</c> command), built the same way; null without credentials.</summary>
    public static SpotifyLinker? CreateLinker(SpotifyCredentials? credentials, SpotifyOptions? options, out ServiceProvider? provider)
    {
        provider = null;
        if (credentials is null)
        {
            return null;
        }
        provider = new ServiceCollection().AddSpotify(credentials, options).BuildServiceProvider();
        return provider.GetRequiredService<SpotifyLinker>();
    }
}

using FerMusic.Runtime.Journal.Measuring;
using FerMusic.Runtime.Tests.Music;
using FerMusic.Tests;
using Microsoft.Data.Sqlite;

namespace FerMusic.Runtime.Tests.Journal.Measuring;

public sealed class JournalBenchTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_bench_writes_every_simulated_second_and_track_and_measures_the_file_it_wrote()
    {
        var path = _temp.File("bench.db");

        var result = await JournalBench.RunAsync(path, 0.05, TestCatalogs.Grid());

        Assert.Equal((1800, 180, 0L), (result.Frames, result.Seconds, result.Lost));
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT (SELECT COUNT(*) FROM mood_seconds), (SELECT COUNT(*) FROM track_events)";
        using var reader = count.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(180, reader.GetInt32(0));
        Assert.Equal(result.TrackEvents, reader.GetInt32(1));
        Assert.True(result.Bytes > result.EmptyBytes);
        Assert.Equal(result.Bytes, new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0));
        Assert.True(result.P50Microseconds <= result.P95Microseconds && result.P95Microseconds <= result.MaxMicroseconds);
    }
}

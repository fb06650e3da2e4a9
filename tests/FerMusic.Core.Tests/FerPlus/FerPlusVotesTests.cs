using FerMusic.Core.FerPlus;
using FerMusic.Tests;

namespace FerMusic.Core.Tests.FerPlus;

public sealed class FerPlusVotesTests : IDisposable
{
    private const string Header = "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(params string[] rows)
    {
        var path = _temp.File("fer2013new.csv");
        File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n");
        return path;
    }

    [Fact]
    public void Votes_are_read_in_FerMusic_order_and_shares_leave_out_contempt_unknown_and_not_a_face()
    {
        var votes = FerPlusVotes.Read(Write("Training,fer0.png,2,0,0,0,6,1,0,1,0,0", "Training,,0,0,0,0,0,0,0,0,0,10"));

        Assert.Equal(2, votes.Count);
        Assert.Equal([6, 1, 0, 0, 0, 0, 2, 1, 0, 0], votes.Of(0).ToArray());
        var shares = new float[7];
        Assert.True(votes.TryEmotionShares(0, shares));
        Assert.Equal([6 / 9f, 1 / 9f, 0, 0, 0, 0, 2 / 9f], shares);
        Assert.False(votes.TryEmotionShares(1, shares));
    }

    [Theory]
    [InlineData("Training,fer0.png,2,0,0,0,x,1,0,1,0,0", "fer2013new.csv:2: vote count 'x'")]
    [InlineData("Training,fer0.png,2,0,0,0,-1,1,0,1,0,0", "vote count '-1'")]
    public void A_bad_vote_count_is_refused_with_its_line(string row, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => FerPlusVotes.Read(Write(row)));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_file_without_the_FER_plus_columns_is_refused()
    {
        var path = _temp.File("other.csv");
        File.WriteAllText(path, "a,b\n1,2\n");

        var error = Assert.Throws<InvalidDataException>(() => FerPlusVotes.Read(path));

        Assert.Contains("missing column 'anger'", error.Message);
    }
}

using FerMusic.Runtime.Music;

namespace FerMusic.Runtime.Tests.Music;

public sealed class TrackNamesTests
{
    [Theory]
    [InlineData("Starboy", "starboy")]
    [InlineData("Mood (feat. iann dior)", "mood")]
    [InlineData("Poblado - Remix", "poblado")]
    [InlineData("Bohemian Rhapsody - Remastered 2011", "bohemian rhapsody")]
    [InlineData("Body (Remix) [feat. ArrDee, E1 (3x3)]", "body")]
    [InlineData("WHAT'S POPPIN", "what s poppin")]
    [InlineData("Stay With Me", "stay with me")]
    [InlineData("Señorita", "senorita")]
    [InlineData("Levitating feat. DaBaby", "levitating")]
    [InlineData("(I Can't Get No) Satisfaction", "satisfaction")]
    [InlineData("(...)", "")]
    public void Titles_are_normalised(string title, string expected)
    {
        Assert.Equal(expected, TrackNames.NormaliseTitle(title));
    }

    [Theory]
    [InlineData("Lil Nas X, Jack Harlow", new[] { "lil nas x", "jack harlow" })]
    [InlineData("Jack Harlow feat. Lil Nas X", new[] { "jack harlow", "lil nas x" })]
    [InlineData("Simon & Garfunkel", new[] { "simon", "garfunkel" })]
    [InlineData("Beyoncé", new[] { "beyonce" })]
    [InlineData("Crissin, Totoy El Frio, Natan & Shander", new[] { "crissin", "totoy el frio", "natan", "shander" })]
    public void Credits_are_split_into_artists(string credit, string[] expected)
    {
        Assert.Equal(expected, TrackNames.SplitArtists(credit));
    }

    [Fact]
    public void Two_spellings_of_one_song_have_one_key()
    {
        var plain = new Track("Starboy", "The Weeknd", 2016, null, 0.5, 0.5, 120, "pop");
        var credited = plain with { Title = "Starboy (feat. Daft Punk)", Artist = "The Weeknd, Daft Punk" };

        Assert.Equal(plain.Key, credited.Key);
        Assert.True(credited.SharesArtistWith(new Track("One More Time", "Daft Punk", 2000, null, 0.5, 0.5, 120, "dance & electronic")));
    }
}

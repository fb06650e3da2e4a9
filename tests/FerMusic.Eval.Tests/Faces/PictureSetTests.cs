using FerMusic.Core;
using FerMusic.Eval.Faces;
using FerMusic.Tests;

namespace FerMusic.Eval.Tests.Faces;

public sealed class PictureSetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private void Touch(params string[] files)
    {
        foreach (var file in files)
        {
            var path = _temp.File(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [0]);
        }
    }

    private string Labels(string text)
    {
        var path = _temp.File("labels.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_folder_layout_labels_each_picture_by_its_folder_and_counts_what_it_leaves_out()
    {
        Touch("happy/a.jpg", "happy/b.PNG", "sad/c.tif", "sad/notes.txt", "cats/d.jpg");

        var set = PictureSet.Load(_temp.Path, null);

        Assert.Equal(["happy/a.jpg", "happy/b.PNG", "sad/c.tif"], set.Pictures.Select(p => p.Name.Replace('\\', '/')));
        Assert.Equal([(int)Emotion.Happy, (int)Emotion.Happy, (int)Emotion.Sad], set.Pictures.Select(p => p.Truth));
        Assert.Equal(1, set.Excluded["files that are not pictures (by extension)"]);
        Assert.Equal(1, set.Excluded["files in folder 'cats', which is not an emotion"]);
    }

    [Fact]
    public void A_labels_file_names_the_pictures_and_their_emotions()
    {
        Touch("x.jpg", "y.gif");

        var set = PictureSet.Load(_temp.Path, Labels("file,label\nx.jpg,Angry\ny.gif, fear \n"));

        Assert.Equal([(int)Emotion.Angry, (int)Emotion.Fear], set.Pictures.Select(p => p.Truth));
        Assert.Equal(_temp.File("y.gif"), set.Pictures[1].Path);
    }

    [Theory]
    [InlineData("file,label\nx.jpg,bored\n", "labels.csv:2: 'bored' is not an emotion")]
    [InlineData("file,label\nx.jpg,happy\nx.jpg,sad\n", "labels.csv:3: 'x.jpg' is labelled twice")]
    [InlineData("file,label\nx.jpg,happy\nmissing.jpg,sad\ngone.png,sad\n", "names 2 file(s) that are not in")]
    [InlineData("picture,emotion\nx.jpg,happy\n", "missing column 'file'")]
    [InlineData("file,label\n", "names no pictures")]
    public void A_labels_file_with_mistakes_is_refused_with_the_line(string text, string message)
    {
        Touch("x.jpg");

        var error = Assert.Throws<InvalidDataException>(() => PictureSet.Load(_temp.Path, Labels(text)));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_missing_folder_or_labels_file_is_named()
    {
        Assert.Throws<DirectoryNotFoundException>(() => PictureSet.Load(_temp.File("absent"), null));
        Assert.Throws<FileNotFoundException>(() => PictureSet.Load(_temp.Path, _temp.File("absent.csv")));
    }

    [Fact]
    public void A_folder_without_emotion_folders_is_an_error_that_says_what_is_expected()
    {
        Touch("a.jpg");

        var error = Assert.Throws<InvalidDataException>(() => PictureSet.Load(_temp.Path, null));

        Assert.Contains("no --labels file was given", error.Message);
    }
}

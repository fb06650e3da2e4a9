using FerMusic.Core;
using FerMusic.Core.Fer2013;
using FerMusic.Core.FerPlus;
using FerMusic.Core.Imaging;
using FerMusic.Core.Model;
using FerMusic.Tests;
using FerMusic.Train.Distillation;

namespace FerMusic.Train.Tests.Distillation;

public sealed class TeacherTargetsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly Fer2013Dataset Faces = SyntheticFaces.Create(perClass: 3, Fer2013Split.Training, seed: 8);

    /// <summary>A linear teacher whose answer depends on where the bright pixels are, so mirroring changes it.</summary>
    private string PixelDependentTeacher(int seed)
    {
        var random = new Random(seed);
        var weights = new float[EmotionLabels.Count * ModelContract.PixelsPerImage];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(random.NextDouble() - 0.5) * 0.002f;
        }
        return TinyModels.Save(TinyModels.Linear(new float[EmotionLabels.Count], weights), _temp.File($"teacher{seed}.onnx"));
    }

    private static float[] Predict(string modelPath, ReadOnlySpan<byte> face)
    {
        using var model = EmotionModel.Load(modelPath);
        var probabilities = new float[EmotionLabels.Count];
        model.Predict(face, probabilities);
        return probabilities;
    }

    [Fact]
    public void Averages_the_teacher_over_each_image_and_its_mirror_image()
    {
        var teacher = PixelDependentTeacher(1);

        var targets = TeacherTargets.Compute([teacher], Faces);

        Assert.Equal(Faces.Count, targets.Count);
        var mirrored = new byte[ModelContract.PixelsPerImage];
        foreach (var index in new[] { 0, 5, Faces.Count - 1 })
        {
            GreyResize.MirrorHorizontally(Faces.Image(index), ModelContract.ImageSize, ModelContract.ImageSize, mirrored);
            var plain = Predict(teacher, Faces.Image(index));
            var flipped = Predict(teacher, mirrored);
            Assert.False(plain.SequenceEqual(flipped), "the test teacher must see the difference between an image and its mirror");
            for (var c = 0; c < EmotionLabels.Count; c++)
            {
                Assert.Equal((plain[c] + flipped[c]) / 2, targets.Of(index)[c], 5);
            }
        }
    }

    [Fact]
    public void Several_teachers_are_averaged()
    {
        var first = PixelDependentTeacher(2);
        var second = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Sad), _temp.File("sad.onnx"));

        var both = TeacherTargets.Compute([first, second], Faces);
        var one = TeacherTargets.Compute([first], Faces);
        var other = TeacherTargets.Compute([second], Faces);

        for (var i = 0; i < Faces.Count; i++)
        {
            for (var c = 0; c < EmotionLabels.Count; c++)
            {
                Assert.Equal((one.Of(i)[c] + other.Of(i)[c]) / 2, both.Of(i)[c], 5);
            }
            Assert.Equal(1f, both.Of(i).ToArray().Sum(), 4);
        }
    }

    [Fact]
    public void Agreement_is_the_share_of_labels_the_teachers_predict()
    {
        var happy = TinyModels.Save(TinyModels.AlwaysPredicts(Emotion.Happy), _temp.File("happy.onnx"));

        var targets = TeacherTargets.Compute([happy], Faces);

        Assert.Equal(1.0 / EmotionLabels.Count, targets.Agreement(Faces), 9);
    }

    [Fact]
    public void A_teacher_with_other_classes_is_refused_with_its_path()
    {
        var threeClasses = TinyModels.Save(TinyModels.Linear([1, 2, 3], labels: "negative,neutral,positive"), _temp.File("three.onnx"));

        var error = Assert.Throws<ModelContractException>(() => TeacherTargets.Compute([threeClasses], Faces));

        Assert.Contains("three.onnx", error.Message);
        Assert.Contains(EmotionLabels.Joined, error.Message);
    }

    [Fact]
    public void A_missing_teacher_is_refused_with_its_path()
    {
        var error = Assert.Throws<ModelContractException>(() => TeacherTargets.Compute([_temp.File("absent.onnx")], Faces));

        Assert.Contains("absent.onnx", error.Message);
    }

    [Fact]
    public void FER_plus_vote_shares_become_the_targets_of_the_matching_rows()
    {
        var path = _temp.File("fer2013new.csv");
        var header = "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF";
        var rows = Enumerable.Range(0, Faces.Count).Select(i => i switch
        {
            0 => "Training,a,0,5,5,0,0,0,0,0,0,0",
            1 => "Training,b,0,0,0,0,0,0,0,0,2,8",
            _ => "Training,c,10,0,0,0,0,0,0,0,0,0",
        });
        File.WriteAllText(path, string.Join('\n', [header, "Training,skipped,0,0,0,0,0,0,10,0,0,0", .. rows]) + "\n");
        var votes = FerPlusVotes.Read(path);
        // The dataset's images are rows 1.. of the file: row 0 belongs to an image that is not in it.
        var targets = TeacherTargets.FromFerPlus(votes, [.. Enumerable.Range(1, Faces.Count)], Faces);

        Assert.Equal([0, 0, 0, 0.5f, 0, 0.5f, 0], targets.Of(0).ToArray());
        var ownLabel = new float[EmotionLabels.Count];
        ownLabel[(int)Faces.Label(1)] = 1;
        Assert.Equal(ownLabel, targets.Of(1).ToArray());
        Assert.Equal(1f, targets.Of(2)[(int)Emotion.Neutral]);
        Assert.Throws<InvalidDataException>(() => TeacherTargets.FromFerPlus(votes, [.. Enumerable.Range(5, Faces.Count)], Faces));
    }
}

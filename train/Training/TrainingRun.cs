using FerMusic.Core.Cli;
using System.Diagnostics;
using FerMusic.Core.Fer2013;
using FerMusic.Core.FerPlus;
using FerMusic.Core.IO;
using FerMusic.Train.Distillation;
using FerMusic.Train.Export;
using FerMusic.Train.Reporting;

namespace FerMusic.Train.Training;

/// <summary>
/// The whole trainer: read FER2013, train on Training and select on PublicTest (PrivateTest is never touched),
/// then write model.onnx, model.json, curves.png and history.csv.
/// </summary>
public static class TrainingRun
{
    public const string ModelFile = "model.onnx";
    public const string SummaryFile = "model.json";
    public const string CurvesFile = "curves.png";
    public const string HistoryFile = "history.csv";

    public static TrainingResult Execute(TrainingRunRequest request, ITrainingObserver observer, CancellationToken cancellation = default)
    {
        var wall = Stopwatch.StartNew();
        OutputFolder.Check(request.OutputDirectory);
        observer.Message($"Reading {request.DataPath} ...");
        var read = Fer2013Reader.Read(request.DataPath, new Fer2013ReadOptions { SkipBadRows = request.SkipBadRows });
        if (read.SkippedRows > 0)
        {
            observer.Message($"Skipped {read.SkippedRows} malformed row(s); the first: {read.Problems[0].Message}");
        }
        var trainRows = read.Dataset.IndicesOf(Fer2013Split.Training, request.Limit);
        var train = read.Dataset.Subset(trainRows);
        var validation = read.Dataset.Select(Fer2013Split.PublicTest);
        observer.Message($"{read.Dataset.Count} rows in {wall.Elapsed.TotalSeconds:0.0} s: training on {train.Count} Training images, " +
                         $"selecting on {validation.Count} PublicTest images.");
        if (validation.Count == 0)
        {
            throw new InvalidDataException($"{request.DataPath} has no PublicTest rows to select the best epoch on.");
        }

        if (request.Options.FerPlusVotes is not null && read.SkippedRows > 0)
        {
            throw new InvalidDataException("FER+ votes are matched to FER2013 rows by position, which skipped rows would shift; fix the file instead of --skip-bad-rows.");
        }
        var teacher = request.Options.FerPlusVotes is { } ferPlus
            ? LoadFerPlus(ferPlus, read.Dataset.Count, trainRows, train, observer, request.Options)
            : LoadTeachers(request, train, validation, observer);

        Directory.CreateDirectory(request.OutputDirectory);
        var checkpoint = new Checkpoint(Path.Combine(request.OutputDirectory, "checkpoint"));
        var trainer = new Trainer(request.Options, observer);
        var budget = request.TimeBudget is { } minutes ? new TimeBudget(minutes, wall) : null;
        var result = trainer.Run(train, validation, checkpoint, request.Resume, teacher, cancellation, budget);

        if (result.State.EpochsCompleted == 0)
        {
            observer.Message("No epoch completed; nothing to export.");
            return result;
        }
        WriteOutputs(request, result, train.Count, wall.Elapsed.TotalSeconds);
        return result;
    }

    private static TeacherTargets LoadFerPlus(string path, int fer2013Rows, IReadOnlyList<int> rows, Fer2013Dataset train, ITrainingObserver observer, TrainingOptions options)
    {
        if (options.Teachers.Count > 0)
        {
            throw new UserErrorException("Use either --teacher or --ferplus as soft targets, not both.");
        }
        var votes = FerPlusVotes.Read(path);
        if (votes.Count != fer2013Rows)
        {
            throw new InvalidDataException($"{path} has {votes.Count} rows but the FER2013 file has {fer2013Rows}; they must match row for row.");
        }
        var targets = TeacherTargets.FromFerPlus(votes, rows, train);
        observer.Message($"FER+ vote shares as soft targets (weight {options.TeacherWeight:0.##}): the annotators' majority agrees with {targets.Agreement(train):P2} of the Training labels.");
        return targets;
    }

    private static TeacherTargets? LoadTeachers(TrainingRunRequest request, Fer2013Dataset train, Fer2013Dataset validation,
        ITrainingObserver observer)
    {
        var teachers = request.Options.Teachers;
        if (teachers.Count == 0)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        observer.Message($"Distilling {string.Join(" + ", teachers.Select(Path.GetFileName))} (weight {request.Options.TeacherWeight:0.##}): " +
                         "classifying the Training images and their mirror images ...");
        var targets = TeacherTargets.Compute(teachers, train, request.Threads);
        var publicTest = TeacherTargets.Compute(teachers, validation, request.Threads);
        observer.Message($"Teachers in {clock.Elapsed.TotalSeconds:0} s: they agree with {targets.Agreement(train):P2} of the Training labels " +
                         $"and score {publicTest.Agreement(validation):P2} on PublicTest.");
        return targets;
    }

    private static void WriteOutputs(TrainingRunRequest request, TrainingResult result, int trainingImages, double wallSeconds)
    {
        var dir = request.OutputDirectory;
        var state = result.State;
        OnnxExporter.Export(result.Model, Path.Combine(dir, ModelFile), new Dictionary<string, string>
        {
            ["best_epoch"] = state.BestEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["val_accuracy_publictest"] = state.BestValAccuracy.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        });
        HistoryCsv.Write(Path.Combine(dir, HistoryFile), state.History);
        CurvesPlot.Save(Path.Combine(dir, CurvesFile), state.History, state.BestEpoch);
        new ModelSummary
        {
            Architecture = result.Model.Architecture,
            Parameters = result.Model.ParameterCount,
            MultiplyAdds = result.Model.MultiplyAdds(),
            EpochsRun = state.EpochsCompleted,
            BestEpoch = state.BestEpoch,
            BestValAccuracy = state.BestValAccuracy,
            TrainingImages = trainingImages,
            TrainingDataSha256 = FileHash.Sha256(request.DataPath),
            CommandLine = request.CommandLine,
            WallTimeSeconds = wallSeconds,
            TrainingSeconds = state.TrainingSeconds,
            Outcome = result.Outcome.ToString(),
            Options = result.Options,
            TimeBudgetMinutes = request.TimeBudget?.TotalMinutes,
        }.Write(Path.Combine(dir, SummaryFile));
    }
}

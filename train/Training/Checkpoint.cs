using FerMusic.Core.Cli;
using System.Text.Json;
using System.Text.Json.Nodes;
using FerMusic.Core.IO;
using FerMusic.Train.Models;
using TorchSharp.Modules;

namespace FerMusic.Train.Training;

/// <summary>
/// The files that let a run continue: weights, optimizer state, the weight average, the best weights so far and the
/// run's state, written as one unit. A new set is written into a folder of its own, its manifest (each file's SHA-256
/// and the epoch) last, and then switched in by renaming folders; loading checks the manifest, so a set that an
/// interruption left half-written, or that mixes files of different epochs, is never trained on: the last complete
/// set is used instead, or the resume is refused.
/// </summary>
public sealed class Checkpoint(string directory)
{
    private const string StateFile = "state.json";
    private const string WeightsFile = "model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string BestWeightsFile = "best.bin";
    private const string AverageWeightsFile = "average.bin";
    private const string ManifestFile = "manifest.json";
    private const string TeacherFile = "teacher.onnx";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private string? _loadedFrom;

    public string Directory { get; } = directory;

    /// <summary>Called after each file of a new set is written (tests use it to simulate an interruption).</summary>
    internal Action<string>? AfterWrite { get; set; }

    private string Next => Directory + ".next";
    private string Previous => Directory + ".previous";

    /// <summary>The folders a set may be in, newest first: the current one, one being switched in, one being switched out.</summary>
    private IEnumerable<string> Candidates => [Directory, Next, Previous];

    /// <summary>
    /// Where a self-distilling run writes its teacher model; each new set keeps a copy, from which
    /// <see cref="RestoreTeacher"/> puts it back here when the run resumes.
    /// </summary>
    public string TeacherModel => Directory + ".teacher.onnx";

    public bool Exists => Candidates.Any(folder => File.Exists(Path.Combine(folder, StateFile)));

    /// <param name="validated">The weights that were validated: the model itself, or its weight average.</param>
    /// <param name="withTeacher">Keep a copy of <see cref="TeacherModel"/> in the set.</param>
    public void Save(CheckpointState state, EmotionNet model, OptimizerHelper optimizer, EmotionNet validated, bool isBest, bool withTeacher = false)
    {
        if (System.IO.Directory.Exists(Next))
        {
            System.IO.Directory.Delete(Next, recursive: true);
        }
        System.IO.Directory.CreateDirectory(Next);
        var files = new List<string>();
        void Write(string name, Action<string> write)
        {
            write(Path.Combine(Next, name));
            files.Add(name);
            AfterWrite?.Invoke(name);
        }
        Write(WeightsFile, path => model.save(path));
        Write(OptimizerFile, path => optimizer.save_state_dict(path));
        if (!ReferenceEquals(validated, model))
        {
            Write(AverageWeightsFile, path => validated.save(path));
        }
        var currentBest = Path.Combine(Directory, BestWeightsFile);
        if (isBest)
        {
            Write(BestWeightsFile, path => validated.save(path));
        }
        else if (File.Exists(currentBest))
        {
            Write(BestWeightsFile, path => File.Copy(currentBest, path));
        }
        if (withTeacher)
        {
            Write(TeacherFile, path => File.Copy(TeacherModel, path));
        }
        Write(StateFile, path => File.WriteAllText(path, JsonSerializer.Serialize(state, Json)));
        var manifest = new JsonObject
        {
            ["epoch"] = state.EpochsCompleted,
            ["files"] = new JsonObject(files.Select(name => KeyValuePair.Create(name, (JsonNode?)FileHash.Sha256(Path.Combine(Next, name))))),
        };
        File.WriteAllText(Path.Combine(Next, ManifestFile), manifest.ToJsonString(Json));
        AfterWrite?.Invoke(ManifestFile);

        if (System.IO.Directory.Exists(Previous))
        {
            System.IO.Directory.Delete(Previous, recursive: true);
        }
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Move(Directory, Previous);
        }
        System.IO.Directory.Move(Next, Directory);
        AfterWrite?.Invoke("switch");
        if (System.IO.Directory.Exists(Previous))
        {
            System.IO.Directory.Delete(Previous, recursive: true);
        }
        _loadedFrom = Directory;
    }

    /// <param name="report">Told when the newest set is incomplete and an older complete one is used.</param>
    public CheckpointState Load(EmotionNet model, OptimizerHelper optimizer, OptimizerKind optimizerKind, Action<string>? report = null)
    {
        var folder = CompleteSet(report);
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(folder, StateFile)))
            ?? throw new InvalidDataException($"{Path.Combine(folder, StateFile)} is empty.");
        if (state.Architecture != model.Architecture)
        {
            throw new UserErrorException(
                $"The checkpoint in {Directory} is of architecture '{state.Architecture}', not '{model.Architecture}'; " +
                $"resume with --arch {state.Architecture}.");
        }
        if (state.Optimizer != optimizerKind)
        {
            throw new UserErrorException(
                $"The checkpoint in {Directory} was trained with the {state.Optimizer} optimizer, not {optimizerKind}; " +
                $"resume with --optimizer {state.Optimizer}.");
        }
        model.load(Path.Combine(folder, WeightsFile));
        optimizer.load_state_dict(Path.Combine(folder, OptimizerFile));
        _loadedFrom = folder;
        return state;
    }

    public void LoadAverage(EmotionNet average)
    {
        var path = Path.Combine(_loadedFrom ?? Directory, AverageWeightsFile);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"The checkpoint in {Directory} was made without weight averaging; resume without it.");
        }
        average.load(path);
    }

    /// <summary>Puts the loaded set's copy of the teacher back at <see cref="TeacherModel"/> and returns that path.</summary>
    public string RestoreTeacher()
    {
        var path = Path.Combine(_loadedFrom ?? Directory, TeacherFile);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The checkpoint in {Directory} says the run had become its own teacher, but it holds no {TeacherFile}.");
        }
        File.Copy(path, TeacherModel, overwrite: true);
        return TeacherModel;
    }

    public void LoadBestWeights(EmotionNet model)
    {
        var path = Path.Combine(_loadedFrom ?? Directory, BestWeightsFile);
        if (File.Exists(path))
        {
            model.load(path);
        }
    }

    /// <summary>The folder of the newest set whose manifest vouches for every file, or a clear error when there is none.</summary>
    private string CompleteSet(Action<string>? report)
    {
        var problems = new List<string>();
        foreach (var folder in Candidates.Where(System.IO.Directory.Exists))
        {
            if (!File.Exists(Path.Combine(folder, ManifestFile)) && folder == Directory && !System.IO.Directory.Exists(Next) && !System.IO.Directory.Exists(Previous)
                && File.Exists(Path.Combine(folder, StateFile)))
            {
                report?.Invoke($"The checkpoint in {folder} has no manifest (it was written before checkpoints were verified); resuming from it unchecked.");
                return folder;
            }
            var problem = Verify(folder);
            if (problem is null)
            {
                if (problems.Count > 0)
                {
                    report?.Invoke($"Not resuming from an incomplete checkpoint ({string.Join("; ", problems)}); resuming from the complete one in {folder}.");
                }
                return folder;
            }
            problems.Add($"{folder}: {problem}");
        }
        throw new InvalidDataException(problems.Count == 0
            ? $"No checkpoint to resume from: {Path.Combine(Directory, StateFile)} does not exist."
            : $"No complete checkpoint to resume from ({string.Join("; ", problems)}). Start the run again without --resume.");
    }

    /// <returns>Why the set in <paramref name="folder"/> cannot be trusted, or null when its manifest vouches for it.</returns>
    private static string? Verify(string folder)
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            return "no manifest (the set was not finished)";
        }
        JsonNode? manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath));
        }
        catch (JsonException)
        {
            return "the manifest is damaged";
        }
        if (manifest?["files"] is not JsonObject files || manifest["epoch"] is not JsonValue epochValue || !epochValue.TryGetValue<int>(out var epoch))
        {
            return "the manifest is damaged";
        }
        foreach (var (name, hash) in files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                return $"{name} is missing";
            }
            if (FileHash.Sha256(path) != hash?.GetValue<string>())
            {
                return $"{name} is not the file the manifest names (damaged, or from another epoch)";
            }
        }
        if (!files.ContainsKey(StateFile) || !files.ContainsKey(WeightsFile) || !files.ContainsKey(OptimizerFile))
        {
            return "the manifest does not list the state, weights and optimizer";
        }
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(folder, StateFile)));
        return state?.EpochsCompleted == epoch ? null : $"state.json is of epoch {state?.EpochsCompleted}, the manifest of epoch {epoch}";
    }
}

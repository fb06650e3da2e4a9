using System.Text.Json;
using FerMusic.Train.Models;
using TorchSharp.Modules;

namespace FerMusic.Train.Training;

/// <summary>
/// The files that let a run continue: weights, optimizer state, the best weights so far and the run's state.
/// Each is written to a temporary name and then renamed, so an interruption never leaves a half-written checkpoint.
/// </summary>
public sealed class Checkpoint(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory { get; } = directory;

    private string StatePath => Path.Combine(Directory, "state.json");
    private string WeightsPath => Path.Combine(Directory, "model.bin");
    private string OptimizerPath => Path.Combine(Directory, "optimizer.bin");
    private string BestWeightsPath => Path.Combine(Directory, "best.bin");
    private string AverageWeightsPath => Path.Combine(Directory, "average.bin");

    public bool Exists => File.Exists(StatePath);

    /// <param name="validated">The weights that were validated: the model itself, or its weight average.</param>
    public void Save(CheckpointState state, EmotionNet model, OptimizerHelper optimizer, EmotionNet validated, bool isBest)
    {
        System.IO.Directory.CreateDirectory(Directory);
        Replace(WeightsPath, temp => model.save(temp));
        Replace(OptimizerPath, temp => optimizer.save_state_dict(temp));
        if (!ReferenceEquals(validated, model))
        {
            Replace(AverageWeightsPath, temp => validated.save(temp));
        }
        if (isBest)
        {
            Replace(BestWeightsPath, temp => validated.save(temp));
        }
        Replace(StatePath, temp => File.WriteAllText(temp, JsonSerializer.Serialize(state, Json)));
    }

    public CheckpointState Load(EmotionNet model, OptimizerHelper optimizer, OptimizerKind optimizerKind)
    {
        if (!Exists)
        {
            throw new FileNotFoundException($"No checkpoint to resume from: {StatePath} does not exist.", StatePath);
        }
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(StatePath))
            ?? throw new InvalidDataException($"{StatePath} is empty.");
        if (state.Architecture != model.Architecture)
        {
            throw new InvalidOperationException(
                $"The checkpoint in {Directory} is of architecture '{state.Architecture}', not '{model.Architecture}'; " +
                $"resume with --arch {state.Architecture}.");
        }
        if (state.Optimizer != optimizerKind)
        {
            throw new InvalidOperationException(
                $"The checkpoint in {Directory} was trained with the {state.Optimizer} optimizer, not {optimizerKind}; " +
                $"resume with --optimizer {state.Optimizer}.");
        }
        model.load(WeightsPath);
        optimizer.load_state_dict(OptimizerPath);
        return state;
    }

    public void LoadAverage(EmotionNet average)
    {
        if (!File.Exists(AverageWeightsPath))
        {
            throw new InvalidOperationException($"The checkpoint in {Directory} was made without weight averaging; resume without it.");
        }
        average.load(AverageWeightsPath);
    }

    public void LoadBestWeights(EmotionNet model)
    {
        if (File.Exists(BestWeightsPath))
        {
            model.load(BestWeightsPath);
        }
    }

    private static void Replace(string path, Action<string> write)
    {
        var temp = path + ".tmp";
        write(temp);
        File.Move(temp, path, overwrite: true);
    }
}

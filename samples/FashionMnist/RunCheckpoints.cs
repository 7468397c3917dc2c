using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Data;
using static TorchSharp.torch;

namespace VatDsl.Samples.FashionMnist;

/// <summary>
/// Checkpoints of one training run: the file in the --checkpoint folder, the settings a resumed
/// run must repeat, and when to write.
/// </summary>
internal sealed class RunCheckpoints
{
    /// <summary>Name of the checkpoint file inside the --checkpoint folder.</summary>
    public const string FileName = "checkpoint.vatdsl";

    private const string StepsSetting = "--steps";

    private readonly TrainingOptions _options;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private RunCheckpoints(TrainingOptions options, string filePath, CheckpointInfo? resumeFrom)
    {
        _options = options;
        _settings = Settings(options);
        FilePath = filePath;
        ResumeFrom = resumeFrom;
    }

    /// <summary>Full path of the checkpoint file.</summary>
    public string FilePath { get; }

    /// <summary>Header of the checkpoint to resume from, or null for a new run.</summary>
    public CheckpointInfo? ResumeFrom { get; }

    /// <summary>
    /// Checks the --checkpoint folder before the data are loaded, so that a wrong folder fails at
    /// once. Returns null without --checkpoint.
    /// </summary>
    /// <exception cref="IOException">The checkpoint to resume is missing or damaged, or a new run would overwrite one.</exception>
    /// <exception cref="CheckpointMismatchException">The checkpoint was written with other settings, or already reaches --steps.</exception>
    public static RunCheckpoints? Open(TrainingOptions options)
    {
        if (options.CheckpointDirectory is null)
        {
            return null;
        }

        string folder = Path.GetFullPath(options.CheckpointDirectory);
        string path = Path.Combine(folder, FileName);
        if (!options.Resume)
        {
            if (File.Exists(path))
            {
                ThrowIfEmpty(path);
                CheckpointInfo existing = TrainingCheckpoint.ReadInfo(path);
                throw new IOException(
                    $"{path} already holds a checkpoint at step {existing.Step}, and a new run would overwrite it. " +
                    "Pass --resume to continue that run, or pass another --checkpoint folder.");
            }

            Directory.CreateDirectory(folder);
            return new RunCheckpoints(options, path, resumeFrom: null);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"--resume: no checkpoint {FileName} in {folder}. Check --checkpoint, or run without --resume to start a new run there.",
                path);
        }

        ThrowIfEmpty(path);
        CheckpointInfo info = ReadInfoWithSettings(path, options);
        if (info.Step >= options.Steps)
        {
            // Under the official schedule --steps is part of the settings, so a longer run cannot resume this one.
            string next = options.Schedule == LearningRateSchedule.Official
                ? "The run is complete. To train longer, start a new run with a larger --steps in another --checkpoint folder."
                : $"Pass --steps above {info.Step} to train further.";
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} is at step {info.Step}, so a run of --steps {options.Steps} has nothing left to do. {next}");
        }

        if (options.StopAfter is { } stopAfter && stopAfter <= info.Step)
        {
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} is at step {info.Step}, so --stop-after {stopAfter} has nothing left to do. " +
                $"Pass --stop-after above {info.Step}, or leave it out to train to step {options.Steps}.");
        }

        return new RunCheckpoints(options, path, info);
    }

    // The format check would report an empty file, such as one left by a failed copy, as a file without the VATDSLCK header.
    private static void ThrowIfEmpty(string path)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new CheckpointFormatException(path,
                $"Checkpoint {path} is empty, so it was not written by --checkpoint or its write did not finish. " +
                "Delete it and start a new run, or pass another --checkpoint folder.");
        }
    }

    // Adds the reason when --steps differs under the official schedule, which the generic list of differences leaves out.
    private static CheckpointInfo ReadInfoWithSettings(string path, TrainingOptions options)
    {
        try
        {
            return TrainingCheckpoint.ReadInfo(path, ComparedSettings(path, options));
        }
        catch (CheckpointMismatchException e) when (options.Schedule == LearningRateSchedule.Official &&
            TrainingCheckpoint.ReadInfo(path).Settings.TryGetValue(StepsSetting, out string? saved) && saved != Format(options.Steps))
        {
            throw new CheckpointMismatchException(path,
                $"{e.Message} The official schedule decays the learning rate over --steps, so the resumed run must keep " +
                $"--steps {saved}. Use --stop-after to end a run segment early.");
        }
    }

    // A setting that this run's method does not use, such as --xi under rpt, takes the checkpoint's value. The changed
    // --method is then reported on its own line, without a misleading "--xi ... not set in this run" after --xi was passed.
    private static Dictionary<string, string> ComparedSettings(string path, TrainingOptions options)
    {
        var settings = new Dictionary<string, string>(Settings(options));
        foreach ((string name, string saved) in TrainingCheckpoint.ReadInfo(path).Settings)
        {
            if (name != StepsSetting)
            {
                settings.TryAdd(name, saved);
            }
        }

        return settings;
    }

    /// <summary>
    /// Settings that must equal those of the run that wrote the checkpoint, so that the resumed run
    /// continues it: everything that changes the split, the batches, the model or the update.
    /// --bn-stats is left out because evaluation restores the BatchNorm buffers and draws no
    /// random numbers, so it does not change the trajectory.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings(TrainingOptions options)
    {
        var settings = new Dictionary<string, string>
        {
            ["--network"] = options.Network,
            ["--method"] = TrainingMethodNames.Name(options.Method),
            ["--labels"] = Format(options.Labels),
            ["--seed"] = Format(options.Seed),
            ["--batch"] = Format(options.LabeledBatch),
            ["--lr"] = Format(options.LearningRate),
            ["--lr-schedule"] = options.Schedule == LearningRateSchedule.Official ? "official" : "constant",
            ["--validation"] = Format(options.Validation),
        };

        // The official decay starts at two thirds of --steps, so another --steps gives other learning rates from that step on.
        if (options.Schedule == LearningRateSchedule.Official)
        {
            settings[StepsSetting] = Format(options.Steps);
        }

        if (options.UsesUnlabeledData)
        {
            VatOptions declared = SampleNetworks.VatDefaults(options.Network);
            settings["--unlabeled-batch"] = Format(options.UnlabeledBatch);
            settings["--epsilon"] = Format(options.Epsilon ?? declared.Epsilon);

            // Random perturbation training has no power iteration, so xi does not affect it.
            if (options.Method != TrainingMethod.RandomPerturbation)
            {
                settings["--xi"] = Format(options.Xi ?? declared.Xi);
            }
        }

        return settings;
    }

    /// <summary>
    /// Loads the checkpoint into the model, the optimizer, the batches and the random number
    /// generator, and returns the first step to run and the history recorded up to the checkpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run is a new one, not a resume.</exception>
    /// <exception cref="CheckpointMismatchException">The checkpoint does not fit the model, the optimizer or the data.</exception>
    /// <exception cref="CheckpointFormatException">The stored run history is unreadable.</exception>
    public (int FirstStep, RunHistory? History) Restore(nn.Module model, optim.Optimizer optimizer, SemiSupervisedBatches batches,
        TextWriter output)
    {
        if (ResumeFrom is null)
        {
            throw new InvalidOperationException("Restore needs a run started with --resume.");
        }

        CheckpointInfo info = TrainingCheckpoint.Load(FilePath, model, optimizer, _settings);
        if (info.Batches is null)
        {
            throw new CheckpointMismatchException(FilePath,
                $"Checkpoint {FilePath} has no batch position, so the run cannot continue its batch order. Start a new run.");
        }

        try
        {
            batches.Restore(info.Batches);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointMismatchException(FilePath,
                $"Checkpoint {FilePath}: {e.Message} Check that --data points at the same Fashion-MNIST files as in the saved run.");
        }

        output.WriteLine($"resumed from {FilePath} at step {info.Step} (written {info.CreatedUtc})");
        return (checked((int)info.Step) + 1, ReadHistory(info));
    }

    /// <summary>
    /// Writes the checkpoint with <paramref name="history"/> after every --checkpoint-every steps,
    /// after the --stop-after step and after the last step.
    /// </summary>
    public void SaveIfDue(int step, nn.Module model, optim.Optimizer optimizer, SemiSupervisedBatches batches,
        Func<RunHistory> history, Action<string> writeLine)
    {
        if (step % _options.CheckpointEvery != 0 && step != _options.Steps && step != _options.StopAfter)
        {
            return;
        }

        TrainingCheckpoint.Save(FilePath, model, optimizer, step, _settings, batches.Position, history().ToJson());
        writeLine(string.Create(CultureInfo.InvariantCulture, $"step {step,6}/{_options.Steps}  checkpoint written to {FilePath}"));
    }

    private RunHistory? ReadHistory(CheckpointInfo info)
    {
        if (info.ExtraState is null)
        {
            return null;
        }

        try
        {
            return RunHistory.FromJson(info.ExtraState);
        }
        catch (JsonException e)
        {
            throw new CheckpointFormatException(FilePath,
                $"Checkpoint {FilePath} has an unreadable run history ({e.Message}). It was not written by this sample. Start a new run.", e);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}

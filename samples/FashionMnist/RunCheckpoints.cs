using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Data;
using VatDsl.Networks;
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

        CheckpointInfo info = TrainingCheckpoint.ReadInfo(path, Settings(options));
        if (info.Step >= options.Steps)
        {
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} is at step {info.Step}, so a run of --steps {options.Steps} has nothing left to do. " +
                $"Pass --steps above {info.Step} to train further.");
        }

        return new RunCheckpoints(options, path, info);
    }

    /// <summary>
    /// Settings that must equal those of the run that wrote the checkpoint, so that the resumed run
    /// continues it: everything that changes the split, the batches, the model or the update.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings(TrainingOptions options)
    {
        var settings = new Dictionary<string, string>
        {
            ["--network"] = options.Network,
            ["--method"] = options.Method == TrainingMethod.Vat ? "vat" : "supervised",
            ["--labels"] = Format(options.Labels),
            ["--seed"] = Format(options.Seed),
            ["--batch"] = Format(options.LabeledBatch),
            ["--lr"] = Format(options.LearningRate),
        };

        // TODO: add the learning-rate schedule options here once the sample has them, because a
        // schedule that differs on resume changes the run just as --lr does.
        if (options.Method == TrainingMethod.Vat)
        {
            VatOptions declared = options.Network == "mlp" ? MnistMlpImage.DefaultVatOptions : FashionCnn.DefaultVatOptions;
            settings["--unlabeled-batch"] = Format(options.UnlabeledBatch);
            settings["--epsilon"] = Format(options.Epsilon ?? declared.Epsilon);
            settings["--xi"] = Format(options.Xi ?? declared.Xi);
        }

        return settings;
    }

    /// <summary>
    /// Loads the checkpoint into the model, the optimizer, the batches and the random number
    /// generator when the run resumes, and returns the first step to run.
    /// </summary>
    /// <exception cref="CheckpointMismatchException">The checkpoint does not fit the model, the optimizer or the data.</exception>
    public int Restore(nn.Module model, optim.Optimizer optimizer, SemiSupervisedBatches batches, TextWriter output)
    {
        if (ResumeFrom is null)
        {
            return 1;
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
        return checked((int)info.Step) + 1;
    }

    /// <summary>Writes the checkpoint after every --checkpoint-every steps and after the last step.</summary>
    public void SaveIfDue(int step, nn.Module model, optim.Optimizer optimizer, SemiSupervisedBatches batches, TextWriter output)
    {
        if (step % _options.CheckpointEvery != 0 && step != _options.Steps)
        {
            return;
        }

        TrainingCheckpoint.Save(FilePath, model, optimizer, step, _settings, batches.Position);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step,6}/{_options.Steps}  checkpoint written to {FilePath}"));
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}

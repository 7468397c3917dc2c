using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using VatDsl.Data;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Command-line options of the sample, their help text and their checks.</summary>
/// <remarks>
/// Numbers are parsed by custom parsers, not validators, because System.CommandLine 2.0 runs
/// option validators even after a conversion failed, and reading the value there throws.
/// </remarks>
internal sealed class SampleCommandLine
{
    /// <summary>Exit code of an invalid command line.</summary>
    public const int InvalidOptionsExitCode = 2;

    private readonly Option<string> _data = new("--data")
    {
        Description = "Folder with the four Fashion-MNIST IDX files (.gz or plain). " +
            "Install them with: sudo apt-get install dataset-fashion-mnist",
        HelpName = "DIR",
        DefaultValueFactory = _ => FashionMnistDataset.DefaultDirectory,
    };

    private readonly Option<int> _labels = IntegerOption("--labels", 1000, FashionMnistDataset.ClassCount, "one labeled image per class",
        "Number of labeled training images, drawn class-balanced (N / 10 per class, the remainder to classes 0, 1, ...). " +
        "All 60000 training images serve as unlabeled data");

    private readonly Option<string> _method = new("--method")
    {
        Description = "vat: cross-entropy plus the VAT loss on unlabeled batches. supervised: cross-entropy on the labeled subset only",
        DefaultValueFactory = _ => "vat",
    };

    private readonly Option<int> _steps = IntegerOption("--steps", 6000, 1, "at least one step", "Number of optimizer steps");

    private readonly Option<int> _seed = IntegerOption("--seed", 1, int.MinValue, "any integer",
        "Seed of the labeled subset, the batch order, the weight initialization and dropout");

    private readonly Option<int> _batch = IntegerOption("--batch", 32, 1, "at least one image per batch", "Labeled images per step");

    private readonly Option<int> _unlabeledBatch = IntegerOption("--unlabeled-batch", 128, 1, "at least one image per batch",
        "Unlabeled images per step (vat only)");

    private readonly Option<double> _learningRate = new("--lr")
    {
        Description = "Adam learning rate",
        HelpName = "RATE",
        DefaultValueFactory = _ => 0.001,
        CustomParser = result => ParsePositive(result, "--lr", "a positive number"),
    };

    private readonly Option<double?> _epsilon = new("--epsilon")
    {
        Description = "L2 norm of the VAT perturbation per image, in the units of pixels scaled to [0, 1] " +
            $"(default: {FashionCnn.DefaultVatOptions.Epsilon.ToString(CultureInfo.InvariantCulture)}, from [Vat] on FashionCnn)",
        HelpName = "EPS",
        CustomParser = result => ParsePositive(result, "--epsilon", "a positive number, in units of pixels scaled to [0, 1]"),
    };

    private readonly Option<double?> _xi = new("--xi")
    {
        Description = "Finite-difference step of the VAT power iteration, in the units of pixels scaled to [0, 1] " +
            "(default: the value of [Vat] on the network). In float32, values near 1e-2 give a real adversarial direction",
        HelpName = "XI",
        CustomParser = result => ParsePositive(result, "--xi", "a positive number, in units of pixels scaled to [0, 1]"),
    };

    private readonly Option<string> _network = new("--network")
    {
        Description = "Network to train: cnn (FashionCnn, two convolution blocks) or mlp (the VAT paper's MLP " +
            "784-1200-600-300-150-10 with BatchNorm and Gaussian noise)",
        DefaultValueFactory = _ => "cnn",
    };

    private readonly Option<int> _evalEvery = IntegerOption("--eval-every", 1000, 0, "0 evaluates at the end only",
        "Steps between test-set evaluations during training. 0 evaluates only at the end");

    private readonly Option<int> _logEvery = IntegerOption("--log-every", 100, 1, "at least one step between progress lines",
        "Steps between progress lines, which show the mean losses over those steps");

    private readonly Option<string?> _metrics = new("--metrics")
    {
        Description = "Write the run's settings, losses, test accuracy, time and machine to this JSON file",
        HelpName = "FILE",
    };

    private readonly Option<string> _device = new("--device")
    {
        Description = "Device to train on: cpu, or cuda (needs a CUDA build of TorchSharp)",
        DefaultValueFactory = _ => "cpu",
    };

    private readonly Option<string?> _checkpoint = new("--checkpoint")
    {
        Description = $"Folder for the training checkpoint ({RunCheckpoints.FileName}): model, optimizer, step, batch order " +
            "and random state, written every --checkpoint-every steps and after the last step. Created if missing",
        HelpName = "DIR",
    };

    private readonly Option<int> _checkpointEvery = IntegerOption("--checkpoint-every", 500, 1, "at least one step",
        "Steps between checkpoints (with --checkpoint)");

    private readonly Option<bool> _resume = new("--resume")
    {
        Description = "Continue from the checkpoint in --checkpoint DIR up to --steps. The network, method, labels, seed, " +
            "batch sizes, learning rate, epsilon and xi must equal those of the run that wrote it",
    };

    private readonly Option<string?> _exportPyTorch = new("--export-pytorch")
    {
        Description = "Write the final weights as a PyTorch state_dict (torch.save format) to this file",
        HelpName = "FILE",
    };

    private SampleCommandLine()
    {
        Command = BuildCommand();
    }

    private RootCommand Command { get; }

    /// <summary>
    /// Parses <paramref name="args"/>. Returns the options, or null with the messages in
    /// <paramref name="errors"/>. <paramref name="helpRequested"/> is set for --help, which the
    /// caller runs through <see cref="CreateCommand"/>.
    /// </summary>
    public static TrainingOptions? Parse(IReadOnlyList<string> args, out IReadOnlyList<string> errors, out bool helpRequested)
    {
        return new SampleCommandLine().ParseOptions(args, out errors, out helpRequested);
    }

    /// <summary>Creates the root command with every option and its checks, for parsing and help.</summary>
    public static RootCommand CreateCommand() => new SampleCommandLine().Command;

    private TrainingOptions? ParseOptions(IReadOnlyList<string> args, out IReadOnlyList<string> errors, out bool helpRequested)
    {
        ParseResult result = Command.Parse(args);
        helpRequested = result.Action is HelpAction;
        errors = result.Errors.Select(e => e.Message).ToArray();
        if (helpRequested || errors.Count > 0)
        {
            return null;
        }

        var options = new TrainingOptions(
            DataDirectory: result.GetRequiredValue(_data),
            Labels: result.GetValue(_labels),
            Method: result.GetRequiredValue(_method) == "vat" ? TrainingMethod.Vat : TrainingMethod.Supervised,
            Steps: result.GetValue(_steps),
            Seed: result.GetValue(_seed),
            LabeledBatch: result.GetValue(_batch),
            UnlabeledBatch: result.GetValue(_unlabeledBatch),
            LearningRate: result.GetValue(_learningRate),
            EvalEvery: result.GetValue(_evalEvery),
            LogEvery: result.GetValue(_logEvery),
            MetricsPath: result.GetValue(_metrics),
            Device: result.GetRequiredValue(_device),
            Epsilon: result.GetValue(_epsilon),
            Xi: result.GetValue(_xi),
            Network: result.GetRequiredValue(_network),
            CheckpointDirectory: result.GetValue(_checkpoint),
            CheckpointEvery: result.GetValue(_checkpointEvery),
            Resume: result.GetValue(_resume),
            ExportPyTorchPath: result.GetValue(_exportPyTorch));

        // Checked here, after parsing, because a command validator that reads an option whose
        // conversion failed throws instead of reporting.
        if (options.LabeledBatch > options.Labels)
        {
            errors =
            [
                $"--batch {options.LabeledBatch} exceeds --labels {options.Labels}. A labeled batch draws distinct images, " +
                $"so pass --batch {options.Labels} or less.",
            ];
            return null;
        }

        string? checkpointError = CheckCheckpointOptions(options, result.GetResult(_checkpointEvery) is { Implicit: false });
        if (checkpointError is not null)
        {
            errors = [checkpointError];
            return null;
        }

        return options;
    }

    private static string? CheckCheckpointOptions(TrainingOptions options, bool checkpointEveryGiven)
    {
        if (options.CheckpointDirectory is null)
        {
            if (options.Resume)
            {
                return "--resume needs --checkpoint DIR, the folder of the checkpoint to continue from.";
            }

            if (checkpointEveryGiven)
            {
                return "--checkpoint-every needs --checkpoint DIR, the folder to write the checkpoints to.";
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointDirectory))
        {
            return "--checkpoint needs a folder name.";
        }

        if (File.Exists(options.CheckpointDirectory))
        {
            return $"--checkpoint {options.CheckpointDirectory} is a file, not a folder. Pass a folder name; " +
                $"the checkpoint is written to DIR/{RunCheckpoints.FileName}.";
        }

        return null;
    }

    private RootCommand BuildCommand()
    {
        var command = new RootCommand(
            "Trains FashionCnn on Fashion-MNIST with few labels, with Virtual Adversarial Training or the supervised " +
            "baseline, and reports the test accuracy. Exit codes: 0 success, 1 unexpected failure, 2 invalid options, " +
            "3 data missing or damaged, 4 checkpoint missing, damaged or written by another run.");
        Option[] options =
        [
            _data, _labels, _method, _steps, _seed, _batch, _unlabeledBatch,
            _learningRate, _epsilon, _xi, _network, _evalEvery, _logEvery, _metrics, _device,
            _checkpoint, _checkpointEvery, _resume, _exportPyTorch,
        ];
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }

        _method.AcceptOnlyFromAmong("vat", "supervised");
        _device.AcceptOnlyFromAmong("cpu", "cuda");
        _network.AcceptOnlyFromAmong("cnn", "mlp");
        _metrics.Validators.Add(ValidateMetricsPath);
        _exportPyTorch.Validators.Add(ValidateExportPath);
        return command;
    }

    private static Option<int> IntegerOption(string name, int defaultValue, int minimum, string rule, string description)
    {
        return new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseInteger(result, name, minimum, rule),
        };
    }

    private static int ParseInteger(ArgumentResult result, string name, int minimum, string rule)
    {
        string text = result.Tokens[^1].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            result.AddError($"{name} is '{text}'. It must be an integer ({rule}).");
            return 0;
        }

        if (value < minimum)
        {
            result.AddError($"{name} is {value}. It must be at least {minimum} ({rule}).");
        }

        return value;
    }

    private static double ParsePositive(ArgumentResult result, string name, string rule)
    {
        string text = result.Tokens[^1].Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value))
        {
            result.AddError($"{name} is '{text}'. It must be {rule}.");
            return 0;
        }

        return value;
    }

    private static void ValidateMetricsPath(OptionResult result)
    {
        string? path = result.GetValueOrDefault<string?>();
        if (string.IsNullOrWhiteSpace(path))
        {
            result.AddError("--metrics needs a file name.");
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (Directory.Exists(path))
        {
            result.AddError($"--metrics {path} is a folder. Pass a file name such as {Path.Combine(path, "metrics.json")}.");
        }
        else if (folder is not null && !Directory.Exists(folder))
        {
            result.AddError($"--metrics {path}: folder {folder} not found. Create it first, so the results are not lost after training.");
        }
    }

    private static void ValidateExportPath(OptionResult result)
    {
        string? path = result.GetValueOrDefault<string?>();
        if (string.IsNullOrWhiteSpace(path))
        {
            result.AddError("--export-pytorch needs a file name.");
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (Directory.Exists(path))
        {
            result.AddError($"--export-pytorch {path} is a folder. Pass a file name such as {Path.Combine(path, "weights.pt")}.");
        }
        else if (folder is not null && !Directory.Exists(folder))
        {
            result.AddError($"--export-pytorch {path}: folder {folder} not found. Create it first, so the weights are not lost after training.");
        }
    }
}

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

    /// <summary>Adam learning rate when --lr is not given, as in the official VAT code.</summary>
    public const double DefaultLearningRate = 0.001;

    private readonly Option<string> _data = new("--data")
    {
        Description = "Folder with the four Fashion-MNIST IDX files (.gz or plain). " +
            "Install them with: sudo apt-get install dataset-fashion-mnist",
        HelpName = "DIR",
        DefaultValueFactory = _ => FashionMnistDataset.DefaultDirectory,
    };

    private readonly Option<int> _labels = IntegerOption("--labels", 1000, FashionMnistDataset.ClassCount, "one labeled image per class",
        "Number of labeled training images, drawn class-balanced (N / 10 per class, the remainder to classes 0, 1, ...). " +
        "All training images except the validation slice serve as unlabeled data (59000 with the default --validation 1000)");

    private readonly Option<string> _method = new("--method")
    {
        Description = "vat: cross-entropy plus the VAT loss on unlabeled batches. vat+entmin: vat plus the entropy of the " +
            "unlabeled predictions. rpt: cross-entropy plus the loss of a random perturbation of norm epsilon. " +
            "supervised: cross-entropy on the labeled subset only",
        DefaultValueFactory = _ => "vat",
    };

    private readonly Option<int> _steps = IntegerOption("--steps", 6000, 1, null, "Number of optimizer steps");

    private readonly Option<int> _seed = IntegerOption("--seed", 1, int.MinValue, null,
        "Seed of the labeled subset, the validation slice, the batch order, the weight initialization, dropout, the " +
        "Gaussian noise of the mlp and the VAT directions");

    private readonly Option<int> _batch = IntegerOption("--batch", 32, 1, null, "Labeled images per step");

    private readonly Option<int> _unlabeledBatch = IntegerOption("--unlabeled-batch", 128, 1, null,
        "Unlabeled images per step (every method but supervised)");

    private readonly Option<double> _learningRate = new("--lr")
    {
        Description = "Adam learning rate. Under the official schedule, the initial rate before the decay",
        HelpName = "RATE",
        DefaultValueFactory = _ => DefaultLearningRate,
        CustomParser = result => ParsePositive(result, "--lr", "a positive number"),
    };

    private readonly Option<double?> _epsilon = new("--epsilon")
    {
        Description = "L2 norm of the VAT perturbation per image, in the units of pixels scaled to [0, 1]" +
            $". Default {SampleNetworks.Describe(vat => vat.Epsilon)}",
        HelpName = "EPS",
        CustomParser = result => ParsePositive(result, "--epsilon", "a positive number, in units of pixels scaled to [0, 1]"),
    };

    private readonly Option<double?> _xi = new("--xi")
    {
        Description = "Finite-difference step of the VAT power iteration, in the units of pixels scaled to [0, 1]" +
            $". Default {SampleNetworks.Describe(vat => vat.Xi)}. In float32, values near 1e-2 give a real adversarial " +
            "direction, and 1e-6 is lost to rounding",
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

    private readonly Option<int> _logEvery = IntegerOption("--log-every", 100, 1, null,
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

    private readonly Option<string> _schedule = new("--lr-schedule")
    {
        Description = "official: --lr for the first 2/3 of the steps, then a linear decay towards 0 with Adam beta1 0.5 " +
            "(the official 80 of 120 epochs, decayed every step). constant: --lr and beta1 0.9 throughout",
        DefaultValueFactory = _ => "official",
    };

    private readonly Option<int> _validation = new("--validation")
    {
        Description = "Training images held out as a class-balanced validation slice, excluded from the labeled and the " +
            "unlabeled data. Its accuracy is measured at every progress line. 0 holds out none",
        HelpName = "N",
        DefaultValueFactory = _ => 1000,
        CustomParser = ParseValidationCount,
    };

    private readonly Option<string> _batchNormStatistics = new("--bn-stats")
    {
        Description = "BatchNorm statistics for evaluation. running: the moving averages collected in training, as the " +
            "official TensorFlow code evaluates. reestimate: recomputed from unlabeled training images before each " +
            "evaluation; training goes on with the running averages",
        DefaultValueFactory = _ => "running",
    };

    private readonly Option<string?> _curves = new("--curves")
    {
        Description = "Write one CSV row per progress line: step, losses, learning rate, validation and test accuracy, seconds",
        HelpName = "FILE",
    };

    private readonly Option<string?> _tensorBoard = new("--tensorboard")
    {
        Description = "Write the same scalars as --curves as TensorBoard event files into this folder (created if missing)",
        HelpName = "DIR",
    };

    private readonly Option<string?> _plot = new("--plot")
    {
        Description = "Draw the learning curves (accuracy and losses against step) into this PNG file. With --compare, " +
            "draw the compared runs",
        HelpName = "FILE",
    };

    private readonly Option<string[]> _compare = new("--compare")
    {
        Description = "Train nothing; draw the curves of earlier runs into the --plot file, one color per run. Pass their " +
            "metrics JSON files, written with --metrics and --curves, or their CSV files. The legend shows method, network, " +
            "labels and seed, and the settings that differ between runs that share those four",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _checkpoint = new("--checkpoint")
    {
        Description = $"Folder for the training checkpoint ({RunCheckpoints.FileName}): model, optimizer, step, batch order " +
            "and random state, written every --checkpoint-every steps and after the last step. Created if missing",
        HelpName = "DIR",
    };

    private readonly Option<int> _checkpointEvery = IntegerOption("--checkpoint-every", 500, 1, null,
        "Steps between checkpoints (with --checkpoint)");

    private readonly Option<bool> _resume = new("--resume")
    {
        Description = "Continue from the checkpoint in --checkpoint DIR up to --steps. The network, method, labels, seed, " +
            "batch sizes, learning rate, schedule, validation slice, epsilon and xi must equal those of the run that wrote " +
            "it, and so must --steps under the official schedule",
    };

    private readonly Option<string?> _exportPyTorch = new("--export-pytorch")
    {
        Description = "Write the final weights as a PyTorch state_dict (torch.save format) to this file",
        HelpName = "FILE",
    };

    private readonly Option<int?> _stopAfter = new("--stop-after")
    {
        Description = "Stop after this step, below --steps, write the checkpoint and exit with code 0, for example to fit " +
            "a job time limit. A later run with --resume continues on the same learning-rate schedule (needs --checkpoint)",
        HelpName = "N",
        CustomParser = result => ParseInteger(result, "--stop-after", 1, "and below --steps"),
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
            Method: TrainingMethodNames.Parse(result.GetRequiredValue(_method)),
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
            Schedule: result.GetRequiredValue(_schedule) == "official" ? LearningRateSchedule.Official : LearningRateSchedule.Constant,
            Validation: result.GetValue(_validation),
            BatchNormStatistics: result.GetRequiredValue(_batchNormStatistics) == "running" ? BatchNormEvaluation.Running : BatchNormEvaluation.Reestimate,
            CurvesPath: result.GetValue(_curves),
            TensorBoardDirectory: result.GetValue(_tensorBoard),
            PlotPath: result.GetValue(_plot),
            ComparePaths: result.GetResult(_compare) is null ? null : result.GetRequiredValue(_compare),
            CheckpointDirectory: result.GetValue(_checkpoint),
            CheckpointEvery: result.GetValue(_checkpointEvery),
            Resume: result.GetValue(_resume),
            ExportPyTorchPath: result.GetValue(_exportPyTorch),
            StopAfter: result.GetValue(_stopAfter));

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

        if (options.ComparePaths is not null && options.PlotPath is null)
        {
            errors = ["--compare needs --plot FILE.png, the figure to draw the compared runs into."];
            return null;
        }

        if (options.ComparePaths is not null)
        {
            string[] ignored = Command.Options
                .Where(option => option != _compare && option != _plot && result.GetResult(option) is { Implicit: false })
                .Select(option => option.Name)
                .ToArray();
            if (ignored.Length > 0)
            {
                errors =
                [
                    $"--compare trains nothing, so {string.Join(", ", ignored)} would have no effect. Leave them out, " +
                    "or train without --compare.",
                ];
                return null;
            }
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

            if (options.StopAfter is not null)
            {
                return "--stop-after needs --checkpoint DIR, the folder to write the checkpoint that --resume continues from.";
            }

            return null;
        }

        if (options.StopAfter is { } stopAfter && stopAfter >= options.Steps)
        {
            return $"--stop-after {stopAfter} is not below --steps {options.Steps}. Pass a step below {options.Steps}, " +
                "or leave --stop-after out to train to the end.";
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
            "Trains a network on Fashion-MNIST with few labels, with Virtual Adversarial Training, VAT+EntMin, random " +
            "perturbation training or the supervised baseline, and reports the validation and test accuracy. With " +
            "--compare, draws the curves of earlier runs instead. Exit codes: 0 success, 1 unexpected failure, " +
            "2 invalid options or an output that cannot be written, 3 data or compared file missing or damaged, " +
            "4 checkpoint missing, damaged or written by another run, 5 training diverged (a loss or gradient became NaN " +
            "or infinite; lower --lr).");
        Option[] options =
        [
            _data, _labels, _method, _steps, _seed, _batch, _unlabeledBatch,
            _learningRate, _epsilon, _xi, _network, _evalEvery, _logEvery, _metrics, _device,
            _schedule, _validation, _batchNormStatistics, _curves, _tensorBoard, _plot, _compare,
            _checkpoint, _checkpointEvery, _resume, _exportPyTorch, _stopAfter,
        ];
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }

        _method.AcceptOnlyFromAmong(TrainingMethodNames.All);
        _device.AcceptOnlyFromAmong("cpu", "cuda");
        _network.AcceptOnlyFromAmong([.. SampleNetworks.Names]);
        _metrics.Validators.Add(result => OutputPathChecks.ValidateFile(result, "--metrics", "metrics.json"));
        _schedule.AcceptOnlyFromAmong("official", "constant");
        _batchNormStatistics.AcceptOnlyFromAmong("running", "reestimate");
        _curves.Validators.Add(result => OutputPathChecks.ValidateFile(result, "--curves", "curves.csv"));
        _plot.Validators.Add(result => OutputPathChecks.ValidateFile(result, "--plot", "curves.png"));
        _plot.Validators.Add(OutputPathChecks.ValidatePngExtension);
        _tensorBoard.Validators.Add(OutputPathChecks.ValidateFolder);
        _compare.Validators.Add(OutputPathChecks.ValidateComparedFiles);
        _exportPyTorch.Validators.Add(result => OutputPathChecks.ValidateFile(result, "--export-pytorch", "weights.pt"));
        return command;
    }

    private static Option<int> IntegerOption(string name, int defaultValue, int minimum, string? rule, string description)
    {
        return new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseInteger(result, name, minimum, rule),
        };
    }

    // rule is null when "at least {minimum}" is the whole rule, and otherwise completes that phrase.
    private static int ParseInteger(ArgumentResult result, string name, int minimum, string? rule)
    {
        string text = result.Tokens[^1].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            bool tooLarge = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ||
                System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            result.AddError(tooLarge
                ? $"{name} is {text}, outside the 32-bit integer range. Pass a value from {minimum} to {int.MaxValue}."
                : $"{name} is '{text}'. It must be an integer.");
            return 0;
        }

        if (value < minimum)
        {
            result.AddError(rule is null
                ? $"{name} is {value}. It must be at least {minimum}."
                : $"{name} is {value}. It must be at least {minimum} ({rule}).");
        }

        return value;
    }

    private static int ParseValidationCount(ArgumentResult result)
    {
        int count = ParseInteger(result, "--validation", 0, "0 for none, otherwise at least one image per class");
        if (count > 0 && count < FashionMnistDataset.ClassCount)
        {
            result.AddError(
                $"--validation is {count}. A class-balanced slice needs at least {FashionMnistDataset.ClassCount} images " +
                "(one per class); pass 0 to hold out none.");
        }

        return count;
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
}

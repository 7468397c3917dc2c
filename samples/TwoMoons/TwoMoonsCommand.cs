using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using VatDsl.Samples.TwoMoons.Model;

namespace VatDsl.Samples.TwoMoons;

/// <summary>Command line of the sample: parses and checks the options, then runs the experiment.</summary>
public static class TwoMoonsCommand
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code when training or writing the output failed.</summary>
    public const int RunFailed = 1;

    /// <summary>Exit code for invalid options.</summary>
    public const int InvalidOptions = 2;

    /// <summary>Parses <paramref name="args"/> and runs the sample; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var outOption = new Option<string>("--out")
        {
            Description = "PNG file for the figure; its folder must exist.",
            DefaultValueFactory = _ => "two-moons.png",
            HelpName = "FILE.png",
        };
        outOption.Validators.Add(result => CheckOutputFile(result, result.GetValueOrDefault<string>(), ".png"));

        var metricsOption = new Option<string?>("--metrics")
        {
            Description = "JSON file for both test accuracies, the settings and the seconds; its folder must exist.",
            HelpName = "FILE.json",
        };
        metricsOption.Validators.Add(result => CheckOutputFile(result, result.GetValueOrDefault<string?>(), extension: null));

        Option<int> seedOption = IntOption("--seed", "Seed of the data, the initial weights, the VAT directions and the batch draws.", 1, minimum: null);
        Option<int> stepsOption = IntOption("--steps", "Optimizer steps of each training run.", 2000, minimum: 1);
        Option<int> labelsOption = IntOption("--labels", "Labeled training points, half of each class; an even number.", 4, minimum: 2);
        labelsOption.Validators.Add(result =>
        {
            int labels = result.GetValueOrDefault<int>();
            if (labels % 2 != 0)
            {
                result.AddError(Invariant($"--labels is {labels}; it must be even, because the labeled points are split equally between the two classes."));
            }
        });
        Option<int> unlabeledOption = IntOption("--unlabeled", "Unlabeled training points.", 1000, minimum: 1);
        Option<int> testOption = IntOption("--test", "Test points for the accuracy.", 1000, minimum: 1);
        Option<int> batchOption = IntOption("--batch", "Unlabeled points per VAT step, drawn without replacement; the whole set if larger.", 256, minimum: 1);
        Option<double> noiseOption = DoubleOption("--noise", "Standard deviation of the Gaussian noise on each plane coordinate, in plane units.", 0.1, allowZero: true);
        Option<double> learningRateOption = DoubleOption("--lr", "Adam learning rate.", 0.01, allowZero: false);

        var dimsOption = new Option<int>("--dims")
        {
            Description = Invariant($"Input dimension count: 2 keeps the plane, 100 embeds it by a fixed random orthonormal projection. One of {string.Join(", ", MoonsNetworks.SupportedDimensions)}."),
            DefaultValueFactory = _ => 2,
        };
        dimsOption.Validators.Add(result =>
        {
            int dims = result.GetValueOrDefault<int>();
            if (!MoonsNetworks.SupportedDimensions.Contains(dims))
            {
                result.AddError(Invariant(
                    $"--dims is {dims}; it must be one of {string.Join(", ", MoonsNetworks.SupportedDimensions)}, because a network declaration fixes its input size."));
            }
        });

        var root = new RootCommand(
            "Trains a supervised-only and a VAT network on two moons with a few labels and writes both decision boundaries to one PNG.")
        {
            outOption, metricsOption, seedOption, stepsOption, labelsOption, unlabeledOption, testOption,
            noiseOption, dimsOption, learningRateOption, batchOption,
        };

        root.SetAction(parsed =>
        {
            var options = new ExperimentOptions(
                OutputPath: parsed.GetValue(outOption)!,
                MetricsPath: parsed.GetValue(metricsOption),
                Seed: parsed.GetValue(seedOption),
                Steps: parsed.GetValue(stepsOption),
                Labeled: parsed.GetValue(labelsOption),
                Unlabeled: parsed.GetValue(unlabeledOption),
                Test: parsed.GetValue(testOption),
                Noise: parsed.GetValue(noiseOption),
                Dimensions: parsed.GetValue(dimsOption),
                LearningRate: parsed.GetValue(learningRateOption),
                UnlabeledBatch: parsed.GetValue(batchOption));
            return RunExperiment(options, output, error);
        });

        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (ParseError parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run with --help to list the options.");
            return InvalidOptions;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int RunExperiment(ExperimentOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            TwoMoonsExperiment.Run(options, output);
            return Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArithmeticException or InvalidOperationException)
        {
            // NaN guards of the training steps and failed writes end the run with their own message.
            error.WriteLine($"error: {exception.Message}");
            return RunFailed;
        }
    }

    private static Option<int> IntOption(string name, string description, int defaultValue, int? minimum)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        if (minimum is int min)
        {
            option.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < min)
                {
                    result.AddError(Invariant($"{name} is {value}; it must be at least {min}."));
                }
            });
        }

        return option;
    }

    private static Option<double> DoubleOption(string name, string description, double defaultValue, bool allowZero)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            bool valid = double.IsFinite(value) && (allowZero ? value >= 0 : value > 0);
            if (!valid)
            {
                string range = allowZero ? "zero or a positive finite number" : "a positive finite number";
                result.AddError(Invariant($"{name} is {value}; it must be {range}."));
            }
        });
        return option;
    }

    private static void CheckOutputFile(OptionResult result, string? path, string? extension)
    {
        if (path is null)
        {
            return;
        }

        string name = result.Option.Name;
        if (path.Length == 0 || path.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(path))
        {
            result.AddError($"{name} is '{path}'; it must name a file, not a folder.");
            return;
        }

        if (extension is not null && !path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            result.AddError($"{name} is '{path}'; the file name must end in {extension}.");
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            result.AddError($"{name} is '{path}', but the folder '{folder}' does not exist; create it first.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

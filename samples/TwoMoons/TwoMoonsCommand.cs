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

    /// <summary>Parses <paramref name="args"/> and runs the sample, then returns the process exit code.</summary>
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
        AddCheck(outOption, path => CheckOutputFile("--out", path, ".png"));

        var metricsOption = new Option<string?>("--metrics")
        {
            Description = "JSON file for both test accuracies, the settings and the seconds; its folder must exist.",
            HelpName = "FILE.json",
        };
        AddCheck(metricsOption, path => path is null ? null : CheckOutputFile("--metrics", path, extension: null));

        var seedOption = new Option<int>("--seed")
        {
            Description = "Seed of the data, the initial weights, the VAT directions and the batch draws.",
            DefaultValueFactory = _ => 1,
        };
        Option<int> stepsOption = IntOption("--steps", "Optimizer steps of each training run.", 1000, minimum: 1);
        Option<int> labelsOption = IntOption("--labels", "Labeled training points, half of each class; an even number.", 4, minimum: 2);
        AddCheck(labelsOption, labels => labels % 2 == 0
            ? null
            : Invariant($"--labels is {labels}; it must be even, because the labeled points are split equally between the two classes."));
        Option<int> unlabeledOption = IntOption("--unlabeled", "Unlabeled training points.", 1000, minimum: 1);
        Option<int> testOption = IntOption("--test", "Test points for the accuracy.", 1000, minimum: 1);
        Option<int> batchOption = IntOption("--batch", "Unlabeled points per VAT step, drawn without replacement; the whole set if larger.", 1000, minimum: 1);
        Option<int> threadsOption = IntOption("--threads", "CPU threads of LibTorch; the networks are so small that 1 is fastest.", 1, minimum: 1);
        Option<double> noiseOption = DoubleOption("--noise", "Standard deviation of the Gaussian noise on each plane coordinate, in plane units.", 0.1, allowZero: true);
        Option<double> learningRateOption = DoubleOption("--lr", "Adam learning rate.", 0.01, allowZero: false);

        var epsilonOption = new Option<double?>("--epsilon")
        {
            Description = Invariant($"Norm of the VAT perturbation r_adv, in plane units. Defaults to the networks' [Vat] declaration, {MoonsVatSettings.Epsilon}."),
        };
        AddCheck(epsilonOption, epsilon => epsilon is not double value || (double.IsFinite(value) && value > 0)
            ? null
            : Invariant($"--epsilon is {value}; it must be a positive finite number."));

        var xiOption = new Option<double?>("--xi")
        {
            Description = Invariant($"Finite-difference step of the VAT power iteration, in plane units. Defaults to the networks' [Vat] declaration, {MoonsVatSettings.Xi}."),
        };
        AddCheck(xiOption, xi => xi is not double value || (double.IsFinite(value) && value > 0)
            ? null
            : Invariant($"--xi is {value}; it must be a positive finite number."));

        var dimsOption = new Option<int>("--dims")
        {
            Description = Invariant($"Input dimension count: 2 keeps the plane, 100 embeds it by a fixed random orthonormal projection. One of {string.Join(", ", MoonsNetworks.SupportedDimensions)}."),
            DefaultValueFactory = _ => 2,
        };
        AddCheck(dimsOption, dims => MoonsNetworks.SupportedDimensions.Contains(dims)
            ? null
            : Invariant($"--dims is {dims}; it must be one of {string.Join(", ", MoonsNetworks.SupportedDimensions)}, because a network declaration fixes its input size."));

        var root = new RootCommand(
            "Trains a supervised-only and a VAT network on two moons with a few labels and writes both decision boundaries to one PNG.")
        {
            outOption, metricsOption, seedOption, stepsOption, labelsOption, unlabeledOption, testOption,
            noiseOption, dimsOption, epsilonOption, xiOption, learningRateOption, batchOption, threadsOption,
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
                UnlabeledBatch: parsed.GetValue(batchOption),
                Epsilon: parsed.GetValue(epsilonOption),
                Xi: parsed.GetValue(xiOption),
                Threads: parsed.GetValue(threadsOption));
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
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArithmeticException)
        {
            // A failed write, or a NaN guard of a training step, ends the run with its own message.
            error.WriteLine($"error: {exception.Message}");
            return RunFailed;
        }
    }

    private static Option<int> IntOption(string name, string description, int defaultValue, int minimum)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        AddCheck(option, value => value >= minimum ? null : Invariant($"{name} is {value}; it must be at least {minimum}."));
        return option;
    }

    private static Option<double> DoubleOption(string name, string description, double defaultValue, bool allowZero)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        string range = allowZero ? "zero or a positive finite number" : "a positive finite number";
        AddCheck(option, value => double.IsFinite(value) && (allowZero ? value >= 0 : value > 0)
            ? null
            : Invariant($"{name} is {value}; it must be {range}."));
        return option;
    }

    // Registers check as a validator. The check returns an error message, or null for a valid value.
    private static void AddCheck<T>(Option<T> option, Func<T, string?> check)
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // System.CommandLine 2.0.0 runs validators also on a token that failed to
                // convert (for example "1.5" for an int), and the parser already reports that error.
                return;
            }

            if (check(value) is string message)
            {
                result.AddError(message);
            }
        });
    }

    private static string? CheckOutputFile(string name, string path, string? extension)
    {
        if (path.Length == 0 || path.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(path))
        {
            return $"{name} is '{path}'; it must name a file, not a folder.";
        }

        if (extension is not null && !path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            return $"{name} is '{path}'; the file name must end in {extension}.";
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            return $"{name} is '{path}', but the folder '{folder}' does not exist; create it first.";
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

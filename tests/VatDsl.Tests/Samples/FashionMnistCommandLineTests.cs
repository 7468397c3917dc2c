using System;
using System.Collections.Generic;
using System.IO;
using VatDsl.Samples.FashionMnist;
using Xunit;

namespace VatDsl.Tests.Samples;

public sealed class FashionMnistCommandLineTests
{
    [Fact]
    public void No_arguments_give_defaults()
    {
        TrainingOptions? options = SampleCommandLine.Parse([], out IReadOnlyList<string> errors, out bool help);

        Assert.Empty(errors);
        Assert.False(help);
        Assert.NotNull(options);
        Assert.Equal("/usr/share/datasets/fashion-mnist", options.DataDirectory);
        Assert.Equal(1000, options.Labels);
        Assert.Equal(TrainingMethod.Vat, options.Method);
        Assert.Equal(32, options.LabeledBatch);
        Assert.Equal(128, options.UnlabeledBatch);
        Assert.Equal(0.001, options.LearningRate);
        Assert.Equal("cpu", options.Device);
        Assert.Null(options.Epsilon);
        Assert.Null(options.Xi);
        Assert.Equal("cnn", options.Network);
        Assert.Null(options.MetricsPath);
        Assert.Equal(LearningRateSchedule.Official, options.Schedule);
        Assert.Equal(1000, options.Validation);
        Assert.Equal(BatchNormEvaluation.Running, options.BatchNormStatistics);
        Assert.Null(options.CurvesPath);
        Assert.Null(options.TensorBoardDirectory);
        Assert.Null(options.PlotPath);
        Assert.Null(options.ComparePaths);
    }

    [Theory]
    [InlineData("vat", "Vat")]
    [InlineData("supervised", "Supervised")]
    [InlineData("vat+entmin", "VatEntMin")]
    [InlineData("rpt", "RandomPerturbation")]
    public void Method_names_are_parsed(string name, string member)
    {
        TrainingMethod expected = Enum.Parse<TrainingMethod>(member);
        TrainingOptions? options = SampleCommandLine.Parse(["--method", name], out IReadOnlyList<string> errors, out _);

        Assert.Empty(errors);
        Assert.Equal(expected, options!.Method);
        Assert.Equal(name, TrainingMethodNames.Name(expected));
    }

    [Fact]
    public void Method_options_set_entropy_and_perturbation()
    {
        VatOptions declared = FashionCnn.DefaultVatOptions;

        Assert.Equal(0.0, TrainingMethodNames.Apply(TrainingMethod.Vat, declared).EntropyWeight);
        Assert.Equal(1.0, TrainingMethodNames.Apply(TrainingMethod.VatEntMin, declared).EntropyWeight);
        Assert.Equal(PerturbationMethod.VirtualAdversarial, TrainingMethodNames.Apply(TrainingMethod.VatEntMin, declared).Method);
        Assert.Equal(PerturbationMethod.RandomPerturbation, TrainingMethodNames.Apply(TrainingMethod.RandomPerturbation, declared).Method);
        Assert.Equal(0.0, TrainingMethodNames.Apply(TrainingMethod.RandomPerturbation, declared).EntropyWeight);
    }

    [Fact]
    public void Run_options_are_parsed()
    {
        string folder = Path.GetTempPath();
        string curves = Path.Combine(folder, "c.csv");
        string plot = Path.Combine(folder, "c.png");
        string board = Path.Combine(folder, "vatdsl-board");
        string[] args =
        [
            "--lr-schedule", "constant", "--validation", "0", "--bn-stats", "reestimate", "--curves", curves,
            "--tensorboard", board, "--plot", plot,
        ];

        TrainingOptions? options = SampleCommandLine.Parse(args, out IReadOnlyList<string> errors, out _);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal(LearningRateSchedule.Constant, options.Schedule);
        Assert.Equal(0, options.Validation);
        Assert.Equal(BatchNormEvaluation.Reestimate, options.BatchNormStatistics);
        Assert.Equal(curves, options.CurvesPath);
        Assert.Equal(board, options.TensorBoardDirectory);
        Assert.Equal(plot, options.PlotPath);
    }

    [Fact]
    public void Compare_takes_several_files()
    {
        string first = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".csv");
        string second = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".json");
        File.WriteAllText(first, "");
        File.WriteAllText(second, "");
        string plot = Path.Combine(Path.GetTempPath(), "compare.png");
        try
        {
            TrainingOptions? options = SampleCommandLine.Parse(["--compare", first, second, "--plot", plot], out IReadOnlyList<string> errors, out _);

            Assert.Empty(errors);
            Assert.Equal([first, second], options!.ComparePaths);
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void Compare_without_plot_is_reported()
    {
        string first = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".csv");
        File.WriteAllText(first, "");
        try
        {
            SampleCommandLine.Parse(["--compare", first], out IReadOnlyList<string> errors, out _);

            string message = Assert.Single(errors);
            Assert.Contains("--compare needs --plot", message);
        }
        finally
        {
            File.Delete(first);
        }
    }

    [Fact]
    public void Output_files_in_missing_folder_are_reported()
    {
        string missing = Path.Combine(Path.GetTempPath(), "vatdsl-no-such-folder");

        SampleCommandLine.Parse(["--curves", Path.Combine(missing, "c.csv"), "--plot", Path.Combine(missing, "c.png")],
            out IReadOnlyList<string> errors, out _);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, m => m.StartsWith("--curves") && m.Contains("vatdsl-no-such-folder not found"));
        Assert.Contains(errors, m => m.StartsWith("--plot") && m.Contains("vatdsl-no-such-folder not found"));
    }

    [Fact]
    public void Tensorboard_naming_a_file_is_reported()
    {
        string file = Path.GetTempFileName();
        try
        {
            SampleCommandLine.Parse(["--tensorboard", file], out IReadOnlyList<string> errors, out _);

            string message = Assert.Single(errors);
            Assert.Contains("is a file", message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_option_is_parsed()
    {
        string metrics = Path.Combine(Path.GetTempPath(), "metrics.json");
        string[] args =
        [
            "--data", "/data/fm", "--labels", "100", "--method", "supervised", "--steps", "50", "--seed", "-3",
            "--batch", "10", "--unlabeled-batch", "64", "--lr", "3e-4", "--epsilon", "1.5", "--eval-every", "0",
            "--log-every", "5", "--metrics", metrics, "--device", "cuda", "--xi", "0.01", "--network", "mlp",
        ];

        TrainingOptions? options = SampleCommandLine.Parse(args, out IReadOnlyList<string> errors, out _);

        Assert.Empty(errors);
        Assert.Equal(
            new TrainingOptions("/data/fm", 100, TrainingMethod.Supervised, 50, -3, 10, 64, 3e-4, 0, 5, metrics, "cuda", 1.5, 0.01, "mlp"),
            options);
    }

    [Theory]
    [InlineData("--labels 9", "--labels is 9. It must be at least 10")]
    [InlineData("--steps 0", "--steps is 0. It must be at least 1.")]
    [InlineData("--labels abc", "--labels is 'abc'. It must be an integer.")]
    [InlineData("--seed 99999999999", "--seed is 99999999999, outside the 32-bit integer range. Pass a value from -2147483648 to 2147483647.")]
    [InlineData("--eval-every -1", "--eval-every is -1. It must be at least 0 (0 evaluates at the end only).")]
    [InlineData("--compare a.csv --plot c.png --steps 10 --method rpt", "--compare trains nothing, so --method, --steps would have no effect")]
    [InlineData("--steps abc", "--steps is 'abc'. It must be an integer")]
    [InlineData("--batch 0", "--batch is 0. It must be at least 1")]
    [InlineData("--unlabeled-batch -1", "--unlabeled-batch is -1. It must be at least 1")]
    [InlineData("--log-every 0", "--log-every is 0. It must be at least 1")]
    [InlineData("--lr 0", "--lr is '0'. It must be a positive number")]
    [InlineData("--lr nan", "--lr is 'nan'. It must be a positive number")]
    [InlineData("--lr 1,5", "--lr is '1,5'. It must be a positive number")]
    [InlineData("--epsilon -2", "--epsilon is '-2'. It must be a positive number")]
    [InlineData("--epsilon 1e400", "--epsilon is '1e400'")]
    [InlineData("--method semi", "'semi'")]
    [InlineData("--device gpu", "'gpu'")]
    [InlineData("--xi 0", "--xi is '0'. It must be a positive number")]
    [InlineData("--network resnet", "'resnet'")]
    [InlineData("--method vat+ent", "'vat+ent'")]
    [InlineData("--lr-schedule cosine", "'cosine'")]
    [InlineData("--validation 5", "--validation is 5. A class-balanced slice needs at least 10")]
    [InlineData("--validation -1", "--validation is -1. It must be at least 0")]
    [InlineData("--validation x", "--validation is 'x'. It must be an integer")]
    [InlineData("--bn-stats batch", "'batch'")]
    [InlineData("--plot curves.svg", "--plot curves.svg: the figure is written as PNG")]
    [InlineData("--curves", "--curves")]
    [InlineData("--compare --plot c.png", "--compare needs at least one file before --plot")]
    [InlineData("--batch 2000", "--batch 2000 exceeds --labels 1000")]
    [InlineData("--labels 20 --batch 21", "--batch 21 exceeds --labels 20")]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--steps", "--steps")]
    public void Invalid_option_is_reported(string commandLine, string expected)
    {
        TrainingOptions? options = SampleCommandLine.Parse(commandLine.Split(' '), out IReadOnlyList<string> errors, out _);

        Assert.Null(options);
        Assert.Contains(errors, message => message.Contains(expected));
    }

    [Fact]
    public void Metrics_in_missing_folder_is_reported()
    {
        string path = Path.Combine(Path.GetTempPath(), "vatdsl-no-such-folder", "m.json");

        SampleCommandLine.Parse(["--metrics", path], out IReadOnlyList<string> errors, out _);

        string message = Assert.Single(errors);
        Assert.Contains("vatdsl-no-such-folder not found", message);
    }

    [Fact]
    public void Metrics_naming_a_folder_is_reported()
    {
        SampleCommandLine.Parse(["--metrics", Path.GetTempPath()], out IReadOnlyList<string> errors, out _);

        string message = Assert.Single(errors);
        Assert.Contains("is a folder", message);
    }

    [Fact]
    public void Help_is_recognized()
    {
        TrainingOptions? options = SampleCommandLine.Parse(["--help"], out _, out bool help);

        Assert.Null(options);
        Assert.True(help);
    }

    [Fact]
    public void Invalid_options_exit_with_code_two()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--steps", "0", "--lr", "x"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: --steps is 0", error.ToString());
        Assert.Contains("error: --lr is 'x'", error.ToString());
        Assert.Contains("--help", error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Help_lists_every_option_and_exits_zero()
    {
        var output = new StringWriter();

        int exitCode = SampleProgram.Run(["--help"], output, new StringWriter());

        Assert.Equal(0, exitCode);
        string help = output.ToString();
        string[] names =
        [
            "--data", "--labels", "--method", "--steps", "--seed", "--batch", "--unlabeled-batch", "--lr",
            "--epsilon", "--eval-every", "--log-every", "--metrics", "--device", "--lr-schedule", "--validation",
            "--bn-stats", "--curves", "--tensorboard", "--plot", "--compare", "vat+entmin", "rpt",
        ];
        foreach (string name in names)
        {
            Assert.Contains(name, help);
        }

        Assert.Contains("sudo apt-get install dataset-fashion-mnist", help);
    }
}

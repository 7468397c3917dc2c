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
    [InlineData("--steps 0", "--steps is 0. It must be at least 1")]
    [InlineData("--steps abc", "--steps is 'abc'. It must be an integer")]
    [InlineData("--batch 0", "--batch is 0. It must be at least 1")]
    [InlineData("--unlabeled-batch -1", "--unlabeled-batch is -1. It must be at least 1")]
    [InlineData("--eval-every -1", "--eval-every is -1. It must be at least 0")]
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
            "--epsilon", "--eval-every", "--log-every", "--metrics", "--device",
        ];
        foreach (string name in names)
        {
            Assert.Contains(name, help);
        }

        Assert.Contains("sudo apt-get install dataset-fashion-mnist", help);
    }
}

using System.IO;
using Xunit;

namespace VatDsl.Samples.TwoMoons.Tests;

public class TwoMoonsCommandTests
{
    [Theory]
    [InlineData("--labels", "3", "--labels is 3")]
    [InlineData("--labels", "0", "--labels is 0")]
    [InlineData("--unlabeled", "0", "--unlabeled is 0")]
    [InlineData("--test", "-5", "--test is -5")]
    [InlineData("--steps", "0", "--steps is 0")]
    [InlineData("--batch", "0", "--batch is 0")]
    [InlineData("--noise", "-0.1", "--noise is -0.1")]
    [InlineData("--noise", "NaN", "--noise is NaN")]
    [InlineData("--lr", "0", "--lr is 0")]
    [InlineData("--epsilon", "0", "--epsilon is 0")]
    [InlineData("--epsilon", "-1", "--epsilon is -1")]
    [InlineData("--xi", "0", "--xi is 0")]
    [InlineData("--dims", "3", "--dims is 3")]
    [InlineData("--dims", "1", "--dims is 1")]
    [InlineData("--seed", "abc", "abc")]
    [InlineData("--steps", "1.5", "1.5")]
    [InlineData("--out", "figure.jpg", "must end in .png")]
    public void Invalid_option_exits_with_2(string option, string value, string expectedMessage)
    {
        (int exitCode, string output, string error) = Run(option, value);

        Assert.Equal(TwoMoonsCommand.InvalidOptions, exitCode);
        Assert.Contains(expectedMessage, error);
        Assert.Contains("--help", error);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Unknown_option_exits_with_2()
    {
        (int exitCode, _, string error) = Run("--epochs", "5");

        Assert.Equal(TwoMoonsCommand.InvalidOptions, exitCode);
        Assert.Contains("--epochs", error);
    }

    [Fact]
    public void Missing_output_folder_exits_with_2()
    {
        string missing = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName(), "moons.png");

        (int exitCode, _, string error) = Run("--out", missing);

        Assert.Equal(TwoMoonsCommand.InvalidOptions, exitCode);
        Assert.Contains("does not exist", error);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Folder_as_metrics_file_exits_with_2()
    {
        string folder = Path.GetTempPath();

        (int exitCode, _, string error) = Run("--metrics", folder);

        Assert.Equal(TwoMoonsCommand.InvalidOptions, exitCode);
        Assert.Contains("must name a file", error);
    }

    [Fact]
    public void Every_invalid_option_is_reported()
    {
        (int exitCode, _, string error) = Run("--labels", "3", "--dims", "7", "--steps", "0");

        Assert.Equal(TwoMoonsCommand.InvalidOptions, exitCode);
        Assert.Contains("--labels is 3", error);
        Assert.Contains("--dims is 7", error);
        Assert.Contains("--steps is 0", error);
    }

    [Fact]
    public void Help_lists_options_and_exits_with_0()
    {
        (int exitCode, string output, _) = Run("--help");

        Assert.Equal(TwoMoonsCommand.Success, exitCode);
        foreach (string option in new[] { "--out", "--metrics", "--seed", "--steps", "--labels", "--unlabeled", "--noise", "--dims", "--epsilon", "--xi", "--threads", "--batch", "--lr", "--test" })
        {
            Assert.Contains(option, output);
        }
    }

    internal static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = TwoMoonsCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}

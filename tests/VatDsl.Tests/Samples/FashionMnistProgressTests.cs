using System;
using System.IO;
using System.Text.RegularExpressions;
using Spectre.Console;
using VatDsl.Samples.FashionMnist.Progress;
using Xunit;

namespace VatDsl.Tests.Samples;

/// <summary>The plain progress lines and the Spectre.Console progress bar.</summary>
public sealed class FashionMnistProgressTests
{
    private static readonly ProgressLine Line = new(
        Step: 200, TotalSteps: 6000, CrossEntropy: 0.79, Lds: 0.1965, Total: 0.9865, LearningRate: 0.0005,
        ValidationAccuracy: 0.8123, Elapsed: TimeSpan.FromSeconds(125), Remaining: TimeSpan.FromMinutes(61));

    [Fact]
    public void Plain_line_shows_every_field()
    {
        Assert.Equal(
            "step    200/6000  CE 0.7900  LDS 0.1965  total 0.9865  lr 5.00e-04  val 0.8123  elapsed 2m05s  remaining ~1h01m00s",
            PlainProgress.FormatLine(Line));
    }

    [Fact]
    public void Plain_line_without_validation_shows_dash()
    {
        Assert.Contains("  val -  ", PlainProgress.FormatLine(Line with { ValidationAccuracy = null }));
    }

    [Fact]
    public void Plain_progress_writes_lines_and_messages()
    {
        var output = new StringWriter();
        var progress = new PlainProgress(output);

        progress.Advance(199);
        progress.Report(Line);
        progress.WriteLine("step    200/6000  test accuracy 0.8000");

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("step    200/6000  CE 0.7900", lines[0]);
        Assert.Equal("step    200/6000  test accuracy 0.8000", lines[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Spectre_bar_shows_step_and_values(bool ansi)
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = ansi ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        SpectreProgress.Run(console, 6000, 0, progress =>
        {
            progress.Advance(200);
            progress.Report(Line);
            progress.WriteLine("a message");
        });

        string text = Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", string.Empty);
        Assert.Contains("step 200/6000", text);
        Assert.Contains("val 0.8123", text);
        Assert.Contains("lr 5.00e-04", text);
        Assert.Contains("CE 0.7900", text);
        Assert.Contains("a message", text);
        if (ansi)
        {
            // The live bar shows the values column, whose second line starts with the losses.
            Assert.Matches(@"(?m)^CE 0\.7900", text);
        }
    }
}

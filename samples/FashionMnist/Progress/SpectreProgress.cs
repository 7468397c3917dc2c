using System;
using System.Globalization;
using Spectre.Console;

namespace VatDsl.Samples.FashionMnist.Progress;

/// <summary>
/// A Spectre.Console progress bar for a terminal: the description shows step, losses, learning
/// rate and validation accuracy, the columns show the bar, elapsed and remaining time.
/// </summary>
internal sealed class SpectreProgress : ITrainingProgress
{
    private readonly ProgressTask _task;
    private readonly IAnsiConsole _console;

    private SpectreProgress(ProgressTask task, IAnsiConsole console)
    {
        _task = task;
        _console = console;
    }

    /// <summary>Runs <paramref name="training"/> while <paramref name="console"/> shows the progress bar.</summary>
    public static void Run(IAnsiConsole console, int totalSteps, Action<ITrainingProgress> training)
    {
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Describe(0, totalSteps, "starting"), maxValue: totalSteps);
                training(new SpectreProgress(task, console));
            });
    }

    public void Advance(int step) => _task.Value = step;

    public void Report(ProgressLine line)
    {
        string validation = line.ValidationAccuracy is { } accuracy
            ? accuracy.ToString("F4", CultureInfo.InvariantCulture)
            : "-";
        string values = string.Create(CultureInfo.InvariantCulture,
            $"CE {line.CrossEntropy:F4}  LDS {line.Lds:F4}  lr {line.LearningRate:0.00e+00}  val {validation}");
        _task.Description = Describe(line.Step, line.TotalSteps, values);
    }

    public void WriteLine(string message) => _console.WriteLine(message);

    private static string Describe(int step, int totalSteps, string values) =>
        Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"step {step}/{totalSteps}  {values}"));
}

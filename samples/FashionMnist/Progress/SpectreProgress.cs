using System;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace VatDsl.Samples.FashionMnist.Progress;

/// <summary>
/// A Spectre.Console progress bar for a terminal. A two-line column shows step, learning rate,
/// losses and validation accuracy. The other columns show the bar, elapsed and remaining time.
/// </summary>
/// <remarks>
/// The values take two short lines so that all columns fit an 80-column terminal. On one line,
/// Spectre squeezed the time columns to one character each.
/// </remarks>
internal sealed class SpectreProgress : ITrainingProgress
{
    private const string ValuesKey = "values";

    private readonly ProgressTask _task;
    private readonly IAnsiConsole _console;

    private readonly int _stepsDone;

    private SpectreProgress(ProgressTask task, IAnsiConsole console, int stepsDone)
    {
        _task = task;
        _console = console;
        _stepsDone = stepsDone;
    }

    /// <summary>Runs <paramref name="training"/> while <paramref name="console"/> shows the progress bar.</summary>
    /// <param name="console">Terminal to draw on.</param>
    /// <param name="totalSteps">Steps of the whole run.</param>
    /// <param name="stepsDone">
    /// Steps done before this process started, for a resumed run, else 0. The bar, percentage,
    /// elapsed and remaining columns cover the steps after them, because Spectre derives its
    /// speed from the value changes of the task. The values column counts the steps of the whole run.
    /// </param>
    /// <param name="training">The training loop, which reports to the progress bar it receives.</param>
    public static void Run(IAnsiConsole console, int totalSteps, int stepsDone, Action<ITrainingProgress> training)
    {
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new ValuesColumn(),
                new ProgressBarColumn { Width = 16 },
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("training", maxValue: totalSteps - stepsDone);
                task.State.Update<ValueLines>(ValuesKey, _ => new ValueLines($"step {stepsDone}/{totalSteps}", "starting"));
                training(new SpectreProgress(task, console, stepsDone));
            });
    }

    public void Advance(int step) => _task.Value = step - _stepsDone;

    public void Report(ProgressLine line)
    {
        string validation = line.ValidationAccuracy is { } accuracy
            ? accuracy.ToString("F4", CultureInfo.InvariantCulture)
            : "-";
        var values = new ValueLines(
            string.Create(CultureInfo.InvariantCulture, $"step {line.Step}/{line.TotalSteps}  lr {line.LearningRate:0.00e+00}"),
            string.Create(CultureInfo.InvariantCulture, $"CE {line.CrossEntropy:F4}  LDS {line.Lds:F4}  val {validation}"));
        _task.State.Update<ValueLines>(ValuesKey, _ => values);

        // Without ANSI support Spectre prints the description and percentage in place of the columns.
        _task.Description = Markup.Escape($"{values.First}  {values.Second}");
    }

    public void WriteLine(string message) => _console.WriteLine(message);

    /// <summary>Shows the two lines of values stored in the task's state.</summary>
    private sealed class ValuesColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            ValueLines lines = task.State.Get<ValueLines>(ValuesKey);
            return new Rows(new Text(lines.First ?? string.Empty), new Text(lines.Second ?? string.Empty));
        }
    }

    // Spectre's task state holds only value types.
    private readonly record struct ValueLines(string First, string Second);
}

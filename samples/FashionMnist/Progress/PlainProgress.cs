using System;
using System.Globalization;
using System.IO;

namespace VatDsl.Samples.FashionMnist.Progress;

/// <summary>
/// Progress as plain lines, one per progress window, for logs and redirected output where a
/// redrawn progress bar would leave control characters.
/// </summary>
internal sealed class PlainProgress(TextWriter output) : ITrainingProgress
{
    public void Advance(int step)
    {
        // Plain output shows only the progress lines.
    }

    public void Report(ProgressLine line) => output.WriteLine(FormatLine(line));

    public void WriteLine(string message) => output.WriteLine(message);

    /// <summary>Formats a progress line: step, losses, learning rate, validation accuracy, elapsed and remaining time.</summary>
    public static string FormatLine(ProgressLine line)
    {
        string validation = line.ValidationAccuracy is { } accuracy
            ? accuracy.ToString("F4", CultureInfo.InvariantCulture)
            : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"step {line.Step,6}/{line.TotalSteps}  CE {line.CrossEntropy:F4}  LDS {line.Lds:F4}  total {line.Total:F4}  " +
            $"lr {line.LearningRate:0.00e+00}  val {validation}  " +
            $"elapsed {FormatDuration(line.Elapsed)}  remaining ~{FormatDuration(line.Remaining)}");
    }

    /// <summary>Formats a duration as 1h02m03s, 2m03s or 3.4s.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration.TotalSeconds < 60)
        {
            return duration.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + "s";
        }

        if (duration.TotalHours < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m{duration.Seconds:D2}s");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h{duration.Minutes:D2}m{duration.Seconds:D2}s");
    }
}

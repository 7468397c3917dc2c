using System;
using System.Globalization;
using System.IO;

namespace VatDsl.Samples.FashionMnist;

/// <summary>
/// Averages step losses over a window of steps and prints one plain progress line per window,
/// with the elapsed time and an estimate of the time remaining.
/// </summary>
internal sealed class ProgressLog(TextWriter output, int totalSteps)
{
    private double _crossEntropySum;
    private double _ldsSum;
    private double _totalSum;
    private int _count;

    /// <summary>Mean cross-entropy of the last printed window.</summary>
    public double LastCrossEntropy { get; private set; } = double.NaN;

    /// <summary>Mean LDS of the last printed window.</summary>
    public double LastLds { get; private set; } = double.NaN;

    /// <summary>Mean total loss of the last printed window.</summary>
    public double LastTotal { get; private set; } = double.NaN;

    public void Add(VatStepResult result)
    {
        _crossEntropySum += result.CrossEntropy;
        _ldsSum += result.Lds;
        _totalSum += result.Total;
        _count++;
    }

    /// <summary>Prints the window's mean losses after <paramref name="step"/> steps and starts a new window.</summary>
    public void Print(int step, TimeSpan elapsed, TimeSpan evaluationTime)
    {
        if (_count == 0)
        {
            return;
        }

        LastCrossEntropy = _crossEntropySum / _count;
        LastLds = _ldsSum / _count;
        LastTotal = _totalSum / _count;
        _crossEntropySum = _ldsSum = _totalSum = 0;
        _count = 0;

        // The estimate extrapolates the training time per step so far and leaves out the evaluations still to come.
        TimeSpan training = elapsed - evaluationTime;
        TimeSpan remaining = training * ((double)(totalSteps - step) / step);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step {step,6}/{totalSteps}  CE {LastCrossEntropy:F4}  LDS {LastLds:F4}  total {LastTotal:F4}  " +
            $"elapsed {FormatDuration(elapsed)}  remaining ~{FormatDuration(remaining)}"));
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

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Spectre.Console;
using VatDsl.Samples.FashionMnist.Curves;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Entry point of the sample, with the output streams passed in so that tests can run it.</summary>
internal static class SampleProgram
{
    /// <summary>Exit code of a failure that no check foresaw.</summary>
    public const int UnexpectedFailureExitCode = 1;

    /// <summary>Parses <paramref name="args"/>, runs the training and returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        TrainingOptions? options = SampleCommandLine.Parse(args, out IReadOnlyList<string> errors, out bool helpRequested);
        if (helpRequested)
        {
            return SampleCommandLine.CreateCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        if (options is null)
        {
            foreach (string message in errors)
            {
                error.WriteLine($"error: {message}");
            }

            error.WriteLine("Run with --help to list the options.");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        try
        {
            if (options.ComparePaths is not null)
            {
                return CompareRuns(options.ComparePaths, options.PlotPath!, output, error);
            }

            // A progress bar redraws its line, which only a terminal shows well. Tests and
            // redirected output get plain lines.
            IAnsiConsole? terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiConsole.Console : null;
            return FashionMnistTraining.Run(options, output, error, terminal);
        }
        catch (Exception e)
        {
            // The full exception, stack included, is what a bug report needs.
            error.WriteLine($"error: training failed: {e}");
            return UnexpectedFailureExitCode;
        }
    }

    private static int CompareRuns(IReadOnlyList<string> paths, string plotPath, TextWriter output, TextWriter error)
    {
        if (OutputWriteProbe.FindUnwritablePlot(plotPath) is { } unwritable)
        {
            error.WriteLine($"error: {unwritable}");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        IReadOnlyList<RunCurves> runs;
        try
        {
            runs = CurvesComparison.Load(paths);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            error.WriteLine($"error: --compare: {e.Message}");
            return FashionMnistTraining.DataErrorExitCode;
        }

        LearningCurvePlot.Save(plotPath, runs);
        output.WriteLine($"{runs.Count} runs drawn to {Path.GetFullPath(plotPath)}");
        return 0;
    }
}

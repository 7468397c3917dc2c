using System;
using System.IO;
using VatDsl.Samples.FashionMnist;
using VatDsl.Tests.Data;
using Xunit;

namespace VatDsl.Tests.Samples;

/// <summary>
/// Runs the sample with outputs that cannot be written. Each must fail with exit code 2 before
/// the first training step. Tests may run as root, which ignores folder permissions, so the
/// unwritable paths lie below a regular file, which no user can write through.
/// </summary>
public sealed class FashionMnistOutputProbeTests : IDisposable
{
    private readonly IdxTestFiles _files = new();
    private readonly string _regularFile;

    public FashionMnistOutputProbeTests()
    {
        _files.WriteFashionMnist(trainCount: 200, testCount: 40, gzip: true, rows: 28, columns: 28);
        _regularFile = Path.Combine(_files.Directory, "a-file");
        File.WriteAllText(_regularFile, "");
    }

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("--tensorboard")]
    [InlineData("--checkpoint")]
    public void Folder_below_a_file_fails_before_training(string option)
    {
        string folder = Path.Combine(_regularFile, "out");

        (int exitCode, string output, string error) = Run(option, folder);

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Contains($"{option} {folder}: the folder cannot be created or written ({_regularFile} is a file, not a folder)", error);
        Assert.Contains("Choose another folder", error);
        Assert.DoesNotContain("step", output);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Checkpoint_file_as_folder_fails_before_training()
    {
        string folder = Path.Combine(_files.Directory, "ck");
        string checkpoint = Path.Combine(folder, RunCheckpoints.FileName);
        Directory.CreateDirectory(checkpoint);

        (int exitCode, string output, string error) = Run("--checkpoint", folder);

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Contains($"{checkpoint} is a folder", error);
        Assert.DoesNotContain("step", output);
    }

    [Fact]
    public void Resume_with_checkpoint_as_folder_is_reported()
    {
        string folder = Path.Combine(_files.Directory, "ck");
        Directory.CreateDirectory(Path.Combine(folder, RunCheckpoints.FileName));

        (int exitCode, _, string error) = Run("--checkpoint", folder, "--resume");

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Contains("is a folder", error);
    }

    [Fact]
    public void Metrics_below_a_file_is_reported()
    {
        string metrics = Path.Combine(_regularFile, "m.json");

        SampleCommandLine.Parse(["--metrics", metrics], out var errors, out _);

        string message = Assert.Single(errors);
        Assert.Equal($"--metrics {metrics}: {_regularFile} is a file, not a folder. Pass a path in an existing folder.", message);
    }

    [Fact]
    public void Probe_leaves_no_files_behind()
    {
        string folder = Path.Combine(_files.Directory, "outputs");
        Directory.CreateDirectory(folder);
        string metrics = Path.Combine(folder, "m.json");
        string curves = Path.Combine(folder, "c.csv");
        File.WriteAllText(curves, "kept");
        TrainingOptions options = Options() with
        {
            MetricsPath = metrics,
            CurvesPath = curves,
            TensorBoardDirectory = Path.Combine(folder, "tb"),
        };

        Assert.Empty(OutputWriteProbe.FindUnwritable(options));

        Assert.False(File.Exists(metrics));
        Assert.Equal("kept", File.ReadAllText(curves));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "tb")));
    }

    [Fact]
    public void Probe_reports_file_path_that_is_a_folder()
    {
        string folder = Path.Combine(_files.Directory, "outputs");
        Directory.CreateDirectory(folder);

        string message = Assert.Single(OutputWriteProbe.FindUnwritable(Options() with { ExportPyTorchPath = folder }));

        Assert.Equal($"--export-pytorch {folder} is a folder. Pass a file name inside it.", message);
    }

    [Fact]
    public void Probe_reports_file_below_a_file()
    {
        string metrics = Path.Combine(_regularFile, "m.json");

        string message = Assert.Single(OutputWriteProbe.FindUnwritable(Options() with { MetricsPath = metrics }));

        Assert.StartsWith($"--metrics {metrics}: the file cannot be written", message);
    }

    [Fact]
    public void Compare_plot_below_a_file_is_reported()
    {
        string plot = Path.Combine(_regularFile, "c.png");

        string? message = OutputWriteProbe.FindUnwritablePlot(plot);

        Assert.NotNull(message);
        Assert.StartsWith($"--plot {plot}: the file cannot be written", message);
    }

    private TrainingOptions Options() => SampleCommandLine.Parse(["--data", _files.Directory], out _, out _)!;

    private (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] common =
        [
            "--data", _files.Directory, "--network", "mlp", "--labels", "20", "--batch", "10", "--unlabeled-batch", "16",
            "--steps", "2", "--eval-every", "0", "--log-every", "1", "--validation", "20",
        ];
        int exitCode = SampleProgram.Run([.. common, .. arguments], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}

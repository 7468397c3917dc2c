using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Export;
using VatDsl.Networks;
using VatDsl.Samples.FashionMnist;
using VatDsl.Samples.FashionMnist.Curves;
using VatDsl.Tests.Checkpoints;
using VatDsl.Tests.Data;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Samples;

/// <summary>Runs the sample with --checkpoint, --resume and --export-pytorch on a tiny Fashion-MNIST folder that the test writes.</summary>
public sealed class FashionMnistCheckpointTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public FashionMnistCheckpointTests()
    {
        _files.WriteFashionMnist(trainCount: 200, testCount: 40, gzip: true, rows: 28, columns: 28);
    }

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("cnn", "vat")]
    [InlineData("mlp", "vat")]
    [InlineData("cnn", "supervised")]
    [InlineData("cnn", "vat+entmin")]
    [InlineData("mlp", "rpt")]
    public void Resumed_run_ends_with_uninterrupted_weights(string network, string method)
    {
        // The comparison is bit-exact. The resumed run restores the weights, Adam's moments, the
        // batch order and the generator state that dropout, Gaussian noise and the VAT directions
        // draw from. LibTorch's CPU kernels give the same bits for the same inputs in one process.
        // The constant schedule lets the first run stop at --steps 3, because its learning rates
        // do not depend on --steps. The official schedule is covered by the --stop-after tests.
        string uninterruptedWeights = Path.Combine(_files.Directory, "uninterrupted.pt");
        string resumedWeights = Path.Combine(_files.Directory, "resumed.pt");
        string uninterruptedFolder = Path.Combine(_files.Directory, "uninterrupted");
        string resumedFolder = Path.Combine(_files.Directory, "resumed");

        Run(network, method, "--steps", "6", "--lr-schedule", "constant", "--checkpoint", uninterruptedFolder,
            "--export-pytorch", uninterruptedWeights);
        Run(network, method, "--steps", "3", "--lr-schedule", "constant", "--checkpoint", resumedFolder);
        string resumedLog = Run(network, method, "--steps", "6", "--lr-schedule", "constant", "--checkpoint", resumedFolder,
            "--resume", "--export-pytorch", resumedWeights);

        Assert.Contains($"resumed from {Path.Combine(resumedFolder, RunCheckpoints.FileName)} at step 3", resumedLog);
        Assert.DoesNotContain("step      3/6", resumedLog);
        Assert.Contains("step      4/6", resumedLog);
        using nn.Module<Tensor, Tensor> expected = CreateNetwork(network);
        using nn.Module<Tensor, Tensor> actual = CreateNetwork(network);
        PyTorchExport.Load(expected, uninterruptedWeights);
        PyTorchExport.Load(actual, resumedWeights);
        CheckpointTestRun.AssertSameState(expected, actual);
    }

    [Fact]
    public void Checkpoint_every_n_steps_and_at_end()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");

        string log = Run("cnn", "supervised", "--steps", "5", "--checkpoint", folder, "--checkpoint-every", "2");

        string path = Path.Combine(folder, RunCheckpoints.FileName);
        Assert.Contains($"step      2/5  checkpoint written to {path}", log);
        Assert.Contains($"step      4/5  checkpoint written to {path}", log);
        Assert.Contains($"step      5/5  checkpoint written to {path}", log);
        Assert.DoesNotContain("step      3/5  checkpoint", log);
        CheckpointInfo info = TrainingCheckpoint.ReadInfo(path);
        Assert.Equal(5, info.Step);
        Assert.Equal("4", info.Settings["--seed"]);
        Assert.Equal(typeof(FashionCnn).FullName, info.Network);
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void Resume_without_checkpoint_exits_with_code_four()
    {
        string folder = Path.Combine(_files.Directory, "empty");

        var (exitCode, error) = RunExpectingFailure("--steps", "2", "--checkpoint", folder, "--resume");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains($"--resume: no checkpoint {RunCheckpoints.FileName} in {folder}", error);
        Assert.Contains("run without --resume", error);
    }

    [Fact]
    public void Resume_with_other_settings_lists_them()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "vat", "--steps", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "4", "--checkpoint", folder, "--resume", "--seed", "5",
            "--method", "supervised", "--labels", "20", "--batch", "10");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("--seed is 4 in the checkpoint and 5 in this run", error);
        Assert.Contains("--method is vat in the checkpoint and supervised in this run", error);
        Assert.DoesNotContain("--epsilon", error);
        Assert.Contains("--steps is 2 in the checkpoint and 4 in this run", error);
        Assert.Contains("the resumed run must keep --steps 2", error);
        Assert.DoesNotContain("--labels", error);
    }

    [Fact]
    public void Resume_with_other_schedule_or_validation_lists_them()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "rpt", "--steps", "4", "--stop-after", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "4", "--checkpoint", folder, "--resume", "--method", "rpt",
            "--labels", "20", "--batch", "10", "--unlabeled-batch", "16", "--seed", "4", "--lr-schedule", "constant",
            "--validation", "30");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("--lr-schedule is official in the checkpoint and constant in this run", error);
        Assert.Contains("--validation is 20 in the checkpoint and 30 in this run", error);
        Assert.Contains("--steps is 4 in the checkpoint and not set in this run", error);
        Assert.DoesNotContain("--xi", error);
    }

    [Fact]
    public void Resume_with_other_method_name_lists_it()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "vat", "--steps", "4", "--stop-after", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "4", "--checkpoint", folder, "--resume", "--method", "vat+entmin",
            "--labels", "20", "--batch", "10", "--unlabeled-batch", "16", "--seed", "4");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("--method is vat in the checkpoint and vat+entmin in this run", error);
    }

    [Fact]
    public void Resume_with_other_bn_stats_is_accepted()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("mlp", "supervised", "--steps", "4", "--stop-after", "2", "--checkpoint", folder);

        string log = Run("mlp", "supervised", "--steps", "4", "--checkpoint", folder, "--resume", "--bn-stats", "reestimate");

        Assert.Contains("at step 2", log);
        Assert.Contains("--bn-stats is reestimate now but was running before the checkpoint", log);
    }

    [Fact]
    public void Stop_after_then_resume_matches_uninterrupted_run()
    {
        // The official schedule decays over --steps, so the interrupted run keeps --steps 6 and
        // stops after step 3 (see the first test for the bit-exact argument). Losses, accuracies
        // and learning rates in the curves are then bit-identical too. Only the times differ.
        string uninterruptedWeights = Path.Combine(_files.Directory, "uninterrupted.pt");
        string resumedWeights = Path.Combine(_files.Directory, "resumed.pt");
        string uninterruptedCurves = Path.Combine(_files.Directory, "uninterrupted.csv");
        string resumedCurves = Path.Combine(_files.Directory, "resumed.csv");
        string resumedMetrics = Path.Combine(_files.Directory, "resumed.json");
        string folder = Path.Combine(_files.Directory, "resumed");
        string[] outputs = ["--log-every", "2", "--eval-every", "3"];

        Run("mlp", "vat", ["--steps", "6", "--checkpoint", Path.Combine(_files.Directory, "uninterrupted"),
            "--export-pytorch", uninterruptedWeights, "--curves", uninterruptedCurves, .. outputs]);
        string stoppedLog = Run("mlp", "vat", ["--steps", "6", "--stop-after", "3", "--checkpoint", folder,
            "--curves", resumedCurves, "--metrics", resumedMetrics, "--export-pytorch", resumedWeights, .. outputs]);
        Assert.Contains("stopped after step 3 of 6 (--stop-after)", stoppedLog);
        Assert.Contains($"step      3/6  checkpoint written to {Path.Combine(folder, RunCheckpoints.FileName)}", stoppedLog);
        Assert.False(File.Exists(resumedMetrics), "--stop-after wrote the metrics of an unfinished run.");
        Assert.False(File.Exists(resumedWeights), "--stop-after exported the weights of an unfinished run.");
        string resumedLog = Run("mlp", "vat", ["--steps", "6", "--checkpoint", folder, "--resume",
            "--curves", resumedCurves, "--metrics", resumedMetrics, "--export-pytorch", resumedWeights, .. outputs]);

        Assert.Contains("step      4/6", resumedLog);
        Assert.Contains("lr 5.00e-04", resumedLog);
        using nn.Module<Tensor, Tensor> expected = CreateNetwork("mlp");
        using nn.Module<Tensor, Tensor> actual = CreateNetwork("mlp");
        PyTorchExport.Load(expected, uninterruptedWeights);
        PyTorchExport.Load(actual, resumedWeights);
        CheckpointTestRun.AssertSameState(expected, actual);

        var expectedPoints = CurvesCsv.Read(uninterruptedCurves);
        var actualPoints = CurvesCsv.Read(resumedCurves);
        Assert.Equal([2, 3, 4, 6], actualPoints.Select(p => p.Step));
        Assert.Equal(expectedPoints.Select(p => p with { ElapsedSeconds = 0 }), actualPoints.Select(p => p with { ElapsedSeconds = 0 }));

        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(resumedMetrics));
        JsonElement evaluations = metrics.RootElement.GetProperty("evaluations");
        Assert.Equal([3, 6], evaluations.EnumerateArray().Select(e => e.GetProperty("step").GetInt32()));
        Assert.Equal(expectedPoints[^1].TestAccuracy, metrics.RootElement.GetProperty("test_accuracy").GetDouble());
        Assert.True(metrics.RootElement.GetProperty("seconds").GetDouble() >= actualPoints[1].ElapsedSeconds - 0.05,
            "The metrics' seconds leave out the time before the resume.");
    }

    [Fact]
    public void Resume_drops_curve_rows_after_checkpoint()
    {
        // Simulates a run that wrote its curve rows up to step 4 and died before the checkpoint of
        // step 4 replaced that of step 2: the resumed run must write rows 3 and 4 once, not twice.
        string curves = Path.Combine(_files.Directory, "curves.csv");
        string folder = Path.Combine(_files.Directory, "checkpoints");
        string checkpoint = Path.Combine(folder, RunCheckpoints.FileName);
        string[] common = ["--steps", "6", "--log-every", "1", "--curves", curves, "--checkpoint", folder];
        Run("cnn", "supervised", [.. common, "--stop-after", "2"]);
        byte[] stepTwo = File.ReadAllBytes(checkpoint);
        Run("cnn", "supervised", [.. common, "--resume", "--stop-after", "4"]);
        Assert.Equal([1, 2, 3, 4], CurvesCsv.Read(curves).Select(p => p.Step));
        File.WriteAllBytes(checkpoint, stepTwo);

        string log = Run("cnn", "supervised", [.. common, "--resume"]);

        Assert.Contains("at step 2", log);
        var points = CurvesCsv.Read(curves);
        Assert.Equal([1, 2, 3, 4, 5, 6], points.Select(p => p.Step));
        Assert.True(points.Zip(points.Skip(1)).All(pair => pair.First.ElapsedSeconds <= pair.Second.ElapsedSeconds),
            "elapsed_seconds restarted at the resume.");
    }

    [Fact]
    public void Resume_replays_points_to_new_tensorboard_folder()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        string board = Path.Combine(_files.Directory, "board");
        string newBoard = Path.Combine(_files.Directory, "board-new");
        string[] common = ["--steps", "4", "--log-every", "1", "--checkpoint", folder];
        Run("cnn", "supervised", [.. common, "--stop-after", "2", "--tensorboard", board]);
        byte[] stepTwo = File.ReadAllBytes(Path.Combine(folder, RunCheckpoints.FileName));

        Run("cnn", "supervised", [.. common, "--resume", "--tensorboard", board]);
        File.WriteAllBytes(Path.Combine(folder, RunCheckpoints.FileName), stepTwo);
        Run("cnn", "supervised", [.. common, "--resume", "--tensorboard", newBoard]);

        // Each progress line writes one loss/ce event, so the count of the tag is the count of steps in a file.
        int[] counts = Directory.GetFiles(board, TensorBoardCurves.EventFilePattern).Select(CountCrossEntropyEvents).Order().ToArray();
        Assert.Equal([2, 2], counts);
        string newFile = Assert.Single(Directory.GetFiles(newBoard, TensorBoardCurves.EventFilePattern));
        Assert.Equal(4, CountCrossEntropyEvents(newFile));
    }

    [Fact]
    public void Stop_after_at_checkpoint_step_is_rejected()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "supervised", "--steps", "4", "--stop-after", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "4", "--stop-after", "2", "--checkpoint", folder, "--resume",
            "--method", "supervised", "--labels", "20", "--batch", "10", "--seed", "4");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("so --stop-after 2 has nothing left to do. Pass --stop-after above 2", error);
    }

    [Fact]
    public void Resume_with_explicit_defaults_is_accepted()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "vat", "--steps", "2", "--lr-schedule", "constant", "--checkpoint", folder);

        string log = Run("cnn", "vat", "--steps", "3", "--lr-schedule", "constant", "--checkpoint", folder, "--resume",
            "--epsilon", "1.0", "--xi", "0.01");

        Assert.Contains("at step 2", log);
    }

    [Fact]
    public void Resume_under_rpt_omits_unused_xi()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("mlp", "vat", "--steps", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "2", "--checkpoint", folder, "--resume", "--network", "mlp",
            "--method", "rpt", "--xi", "0.01", "--labels", "20", "--batch", "10", "--seed", "4", "--unlabeled-batch", "16");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("--method is vat in the checkpoint and rpt in this run", error);
        Assert.DoesNotContain("--xi", error);
    }

    [Fact]
    public void Resume_of_mlp_with_explicit_defaults_is_accepted()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("mlp", "vat", "--steps", "2", "--lr-schedule", "constant", "--checkpoint", folder);

        string log = Run("mlp", "vat", "--steps", "3", "--lr-schedule", "constant", "--checkpoint", folder, "--resume",
            "--epsilon", "1", "--xi", "0.01");

        Assert.Contains("at step 2", log);
    }

    [Fact]
    public void Resume_with_paper_xi_lists_it()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("mlp", "vat", "--steps", "2", "--lr-schedule", "constant", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "3", "--lr-schedule", "constant", "--checkpoint", folder,
            "--resume", "--network", "mlp", "--method", "vat", "--labels", "20", "--batch", "10", "--seed", "4",
            "--unlabeled-batch", "16", "--xi", "1e-6");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("--xi is 0.01 in the checkpoint and 1E-06 in this run", error);
    }

    [Fact]
    public void Resume_of_other_network_is_rejected()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "supervised", "--steps", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "4", "--checkpoint", folder, "--resume", "--network", "mlp",
            "--method", "supervised", "--labels", "20", "--batch", "10", "--seed", "4");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("--network is cnn in the checkpoint and mlp in this run", error);
    }

    [Fact]
    public void New_run_does_not_overwrite_checkpoint()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "supervised", "--steps", "2", "--checkpoint", folder);
        byte[] before = File.ReadAllBytes(Path.Combine(folder, RunCheckpoints.FileName));

        var (exitCode, error) = RunExpectingFailure("--steps", "2", "--checkpoint", folder);

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("already holds a checkpoint at step 2", error);
        Assert.Contains("Pass --resume to continue that run", error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, RunCheckpoints.FileName)));
    }

    [Fact]
    public void Resume_at_final_step_asks_for_more_steps()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "supervised", "--steps", "2", "--checkpoint", folder);

        var (exitCode, error) = RunExpectingFailure("--steps", "2", "--checkpoint", folder, "--resume", "--method", "supervised",
            "--labels", "20", "--batch", "10", "--seed", "4");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains("is at step 2, so a run of --steps 2 has nothing left to do. The run is complete.", error);
        Assert.Contains("start a new run with a larger --steps in another --checkpoint folder", error);
    }

    [Fact]
    public void Resume_of_truncated_checkpoint_exits_with_code_four()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "supervised", "--steps", "2", "--checkpoint", folder);
        string path = Path.Combine(folder, RunCheckpoints.FileName);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var (exitCode, error) = RunExpectingFailure("--steps", "4", "--checkpoint", folder, "--resume", "--method", "supervised",
            "--labels", "20", "--batch", "10", "--seed", "4");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains($"Checkpoint {path} is truncated", error);
    }

    [Fact]
    public void Resume_of_empty_checkpoint_is_reported()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, RunCheckpoints.FileName);
        File.WriteAllBytes(path, []);

        var (exitCode, error) = RunExpectingFailure("--checkpoint", folder, "--resume");

        Assert.Equal(FashionMnistTraining.CheckpointErrorExitCode, exitCode);
        Assert.Contains($"Checkpoint {path} is empty", error);
    }

    [Theory]
    [InlineData("--resume", "--resume needs --checkpoint DIR")]
    [InlineData("--checkpoint-every 10", "--checkpoint-every needs --checkpoint DIR")]
    [InlineData("--checkpoint-every 0 --checkpoint x", "--checkpoint-every is 0. It must be at least 1")]
    [InlineData("--export-pytorch absent-folder/weights.pt", "folder")]
    [InlineData("--stop-after 2", "--stop-after needs --checkpoint DIR")]
    [InlineData("--stop-after 0 --checkpoint x", "--stop-after is 0. It must be at least 1")]
    [InlineData("--steps 5 --stop-after 5 --checkpoint x", "--stop-after 5 is not below --steps 5")]
    public void Invalid_checkpoint_options_exit_with_code_two(string arguments, string expected)
    {
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", _files.Directory, .. arguments.Split(' ')], new StringWriter(), error);

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Contains(expected, error.ToString());
    }

    [Fact]
    public void Checkpoint_file_path_exits_with_code_two()
    {
        string file = Path.Combine(_files.Directory, "a-file");
        File.WriteAllText(file, "");
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", _files.Directory, "--checkpoint", file], new StringWriter(), error);

        Assert.Equal(SampleCommandLine.InvalidOptionsExitCode, exitCode);
        Assert.Contains($"--checkpoint {file} is a file, not a folder", error.ToString());
    }

    private static int CountCrossEntropyEvents(string eventFile)
    {
        string text = System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(eventFile));
        int count = 0;
        for (int index = text.IndexOf("loss/ce", StringComparison.Ordinal); index >= 0;
            index = text.IndexOf("loss/ce", index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static nn.Module<Tensor, Tensor> CreateNetwork(string network) =>
        network == "mlp" ? new MnistMlpImage() : new FashionCnn();

    private string Run(string network, string method, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] common =
        [
            "--data", _files.Directory, "--network", network, "--method", method, "--labels", "20", "--batch", "10",
            "--unlabeled-batch", "16", "--eval-every", "0", "--log-every", "1", "--seed", "4", "--validation", "20",
        ];

        int exitCode = SampleProgram.Run(WithDefaults(common, arguments), output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        return output.ToString();
    }

    private (int ExitCode, string Error) RunExpectingFailure(params string[] arguments)
    {
        var error = new StringWriter();
        int exitCode = SampleProgram.Run(WithDefaults(["--data", _files.Directory, "--validation", "20"], arguments),
            new StringWriter(), error);
        return (exitCode, error.ToString());
    }

    // The command line rejects an option given twice, so a default pair is left out when the test passes that option.
    private static string[] WithDefaults(string[] defaultPairs, string[] arguments)
    {
        var combined = new System.Collections.Generic.List<string>();
        for (int i = 0; i < defaultPairs.Length; i += 2)
        {
            if (!arguments.Contains(defaultPairs[i]))
            {
                combined.Add(defaultPairs[i]);
                combined.Add(defaultPairs[i + 1]);
            }
        }

        combined.AddRange(arguments);
        return [.. combined];
    }
}

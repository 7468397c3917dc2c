using System;
using System.IO;
using System.Linq;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Export;
using VatDsl.Networks;
using VatDsl.Samples.FashionMnist;
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
    public void Resumed_run_ends_with_uninterrupted_weights(string network, string method)
    {
        // The comparison is bit-exact. The resumed run restores the weights, Adam's moments, the
        // batch order and the generator state that dropout, Gaussian noise and the VAT directions
        // draw from. LibTorch's CPU kernels give the same bits for the same inputs in one process.
        string uninterruptedWeights = Path.Combine(_files.Directory, "uninterrupted.pt");
        string resumedWeights = Path.Combine(_files.Directory, "resumed.pt");
        string uninterruptedFolder = Path.Combine(_files.Directory, "uninterrupted");
        string resumedFolder = Path.Combine(_files.Directory, "resumed");

        Run(network, method, "--steps", "6", "--checkpoint", uninterruptedFolder, "--export-pytorch", uninterruptedWeights);
        Run(network, method, "--steps", "3", "--checkpoint", resumedFolder);
        string resumedLog = Run(network, method, "--steps", "6", "--checkpoint", resumedFolder, "--resume", "--export-pytorch", resumedWeights);

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
        Assert.Contains("--epsilon is 2 in the checkpoint and not set in this run", error);
        Assert.DoesNotContain("--labels", error);
    }

    [Fact]
    public void Resume_with_explicit_default_epsilon_is_accepted()
    {
        string folder = Path.Combine(_files.Directory, "checkpoints");
        Run("cnn", "vat", "--steps", "2", "--checkpoint", folder);

        string log = Run("cnn", "vat", "--steps", "3", "--checkpoint", folder, "--resume", "--epsilon", "2.0");

        Assert.Contains("at step 2", log);
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
        Assert.Contains("is at step 2, so a run of --steps 2 has nothing left to do. Pass --steps above 2", error);
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

    [Theory]
    [InlineData("--resume", "--resume needs --checkpoint DIR")]
    [InlineData("--checkpoint-every 10", "--checkpoint-every needs --checkpoint DIR")]
    [InlineData("--checkpoint-every 0 --checkpoint x", "--checkpoint-every is 0. It must be at least 1")]
    [InlineData("--export-pytorch absent-folder/weights.pt", "folder")]
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

    private static nn.Module<Tensor, Tensor> CreateNetwork(string network) =>
        network == "mlp" ? new MnistMlpImage() : new FashionCnn();

    private string Run(string network, string method, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] common =
        [
            "--data", _files.Directory, "--network", network, "--method", method, "--labels", "20", "--batch", "10",
            "--unlabeled-batch", "16", "--eval-every", "0", "--log-every", "1", "--seed", "4",
        ];

        int exitCode = SampleProgram.Run([.. common, .. arguments], output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        return output.ToString();
    }

    private (int ExitCode, string Error) RunExpectingFailure(params string[] arguments)
    {
        var error = new StringWriter();
        int exitCode = SampleProgram.Run(["--data", _files.Directory, .. arguments], new StringWriter(), error);
        return (exitCode, error.ToString());
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Data;
using VatDsl.Networks;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Checkpoints;

public sealed class TrainingCheckpointTests : IDisposable
{
    private static readonly Dictionary<string, string> Settings = new() { ["--seed"] = "1", ["--method"] = "vat" };

    private readonly string _folder = Directory.CreateTempSubdirectory("vatdsl-checkpoint-").FullName;

    private string CheckpointPath => Path.Combine(_folder, "checkpoint.vatdsl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Round_trip_restores_model_optimizer_and_generator()
    {
        using var original = new CheckpointTestRun();
        original.Train(3);
        var position = new BatchPosition(3, 5, 11, 13);
        TrainingCheckpoint.Save(CheckpointPath, original.Model, original.Optimizer, step: 3, Settings, position, "{\"history\": [1, 2]}");
        using Tensor expectedDraw = randn(16);

        using var restored = new CheckpointTestRun(seed: 42);
        CheckpointInfo info = TrainingCheckpoint.Load(CheckpointPath, restored.Model, restored.Optimizer, Settings);
        using Tensor actualDraw = randn(16);

        Assert.Equal(3, info.Step);
        Assert.Equal(position, info.Batches);
        Assert.Equal("{\"history\": [1, 2]}", info.ExtraState);
        Assert.Equal(Settings, info.Settings);
        Assert.Equal(typeof(TinyCnn).FullName, info.Network);
        Assert.Equal("Adam", info.Optimizer);
        CheckpointTestRun.AssertSameState(original.Model, restored.Model);
        Assert.Equal(CheckpointTestRun.OptimizerBytes(original.Optimizer), CheckpointTestRun.OptimizerBytes(restored.Optimizer));
        Assert.True(Support.TensorAssert.Identical(expectedDraw, actualDraw), "The generator state was not restored.");
    }

    [Fact]
    public void Loaded_run_continues_bit_exactly()
    {
        // Training on from the checkpoint must match training on without one: same weights, Adam
        // moments and step count, and the same dropout masks and VAT directions from the generator.
        using var uninterrupted = new CheckpointTestRun();
        uninterrupted.Train(2);
        TrainingCheckpoint.Save(CheckpointPath, uninterrupted.Model, uninterrupted.Optimizer, step: 2);
        uninterrupted.Train(3);

        using var resumed = new CheckpointTestRun(seed: 42);
        TrainingCheckpoint.Load(CheckpointPath, resumed.Model, resumed.Optimizer);
        resumed.Train(3);

        CheckpointTestRun.AssertSameState(uninterrupted.Model, resumed.Model);
        Assert.Equal(CheckpointTestRun.OptimizerBytes(uninterrupted.Optimizer), CheckpointTestRun.OptimizerBytes(resumed.Optimizer));
    }

    [Fact]
    public void Failed_write_keeps_previous_checkpoint()
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1);
        byte[] before = File.ReadAllBytes(CheckpointPath);
        run.Train(1);

        var failure = Assert.Throws<IOException>(() => TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 2,
            settings: null, batches: null, extraState: null,
            openTemporary: temporary => new FailingStream(File.Create(temporary), failAfterBytes: 1000)));

        Assert.Contains("Simulated write failure", failure.Message);
        Assert.Equal(before, File.ReadAllBytes(CheckpointPath));
        Assert.Equal(1, TrainingCheckpoint.ReadInfo(CheckpointPath).Step);
        Assert.False(File.Exists(CheckpointPath + ".tmp"), "The temporary file of the failed write was left behind.");
    }

    [Fact]
    public void Save_replaces_previous_checkpoint()
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1);
        run.Train(1);

        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 2);

        Assert.Equal(2, TrainingCheckpoint.ReadInfo(CheckpointPath).Step);
        Assert.Equal([CheckpointPath], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(0.0001)]
    public void Truncated_file_is_reported_with_path(double keptFraction)
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1);
        byte[] bytes = File.ReadAllBytes(CheckpointPath);
        File.WriteAllBytes(CheckpointPath, bytes[..Math.Max(1, (int)(bytes.Length * keptFraction))]);

        var error = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Load(CheckpointPath, run.Model, run.Optimizer));

        Assert.Equal(CheckpointPath, error.FilePath);
        Assert.Contains(CheckpointPath, error.Message);
        Assert.Contains("is truncated", error.Message);
        Assert.Contains("start a new run", error.Message);
    }

    [Fact]
    public void Damaged_byte_is_reported_and_nothing_loaded()
    {
        using var saved = new CheckpointTestRun();
        saved.Train(1);
        TrainingCheckpoint.Save(CheckpointPath, saved.Model, saved.Optimizer, step: 1);
        byte[] bytes = File.ReadAllBytes(CheckpointPath);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(CheckpointPath, bytes);
        using var target = new CheckpointTestRun(seed: 42);
        using var untouched = new CheckpointTestRun(seed: 42);

        var error = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Load(CheckpointPath, target.Model, target.Optimizer));

        Assert.Contains($"Checkpoint {CheckpointPath} is damaged", error.Message);
        Assert.Contains("SHA-256", error.Message);
        CheckpointTestRun.AssertSameState(untouched.Model, target.Model);
    }

    [Fact]
    public void Other_file_is_not_a_checkpoint()
    {
        File.WriteAllText(CheckpointPath, "PK this is a zip file, not a checkpoint");
        using var run = new CheckpointTestRun();

        var error = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.ReadInfo(CheckpointPath));

        Assert.Contains($"{CheckpointPath} is not a VatDsl checkpoint", error.Message);
    }

    [Fact]
    public void Empty_file_is_not_a_checkpoint()
    {
        File.WriteAllBytes(CheckpointPath, []);

        var error = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.ReadInfo(CheckpointPath));

        Assert.Contains("is not a VatDsl checkpoint", error.Message);
    }

    [Fact]
    public void Missing_file_names_path()
    {
        using var run = new CheckpointTestRun();

        var error = Assert.Throws<FileNotFoundException>(() => TrainingCheckpoint.Load(CheckpointPath, run.Model, run.Optimizer));

        Assert.Equal(CheckpointPath, error.FileName);
        Assert.Contains(CheckpointPath, error.Message);
    }

    [Fact]
    public void Other_network_is_rejected_and_left_unchanged()
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1);
        manual_seed(5);
        using var other = new MnistMlpImage();
        using var otherOptimizer = optim.Adam(other.parameters());
        manual_seed(5);
        using var untouched = new MnistMlpImage();

        var error = Assert.Throws<CheckpointMismatchException>(() => TrainingCheckpoint.Load(CheckpointPath, other, otherOptimizer));

        Assert.Contains($"holds the state_dict of {typeof(TinyCnn).FullName}", error.Message);
        Assert.Contains($"does not fit the model {typeof(MnistMlpImage).FullName}", error.Message);
        Assert.Contains("missing keys fc1.weight", error.Message);
        Assert.Contains("unexpected keys 0.weight", error.Message);
        CheckpointTestRun.AssertSameState(untouched, other);
    }

    [Fact]
    public void Other_optimizer_is_rejected()
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1);
        using var sgd = optim.SGD(run.Model.parameters(), 0.1);

        var error = Assert.Throws<CheckpointMismatchException>(() => TrainingCheckpoint.Load(CheckpointPath, run.Model, sgd));

        Assert.Contains("holds the state of a Adam optimizer, but the run uses SGD", error.Message);
    }

    [Fact]
    public void Optimizer_over_other_parameters_is_rejected()
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1);
        using var partial = optim.Adam([run.Model.parameters().First()]);

        var error = Assert.Throws<CheckpointMismatchException>(() => TrainingCheckpoint.Load(CheckpointPath, run.Model, partial));

        Assert.Contains("holds optimizer state for 6 parameters in 1 parameter groups, but the optimizer has 1 parameters", error.Message);
    }

    [Fact]
    public void Other_settings_are_listed()
    {
        using var run = new CheckpointTestRun();
        TrainingCheckpoint.Save(CheckpointPath, run.Model, run.Optimizer, step: 1, Settings);
        var current = new Dictionary<string, string> { ["--seed"] = "2", ["--method"] = "vat", ["--labels"] = "100" };

        var error = Assert.Throws<CheckpointMismatchException>(() => TrainingCheckpoint.ReadInfo(CheckpointPath, current));

        Assert.Contains("--labels is not set in the checkpoint and 100 in this run", error.Message);
        Assert.Contains("--seed is 1 in the checkpoint and 2 in this run", error.Message);
        Assert.DoesNotContain("--method", error.Message);
        Assert.Equal(CheckpointPath, error.FilePath);
    }
}

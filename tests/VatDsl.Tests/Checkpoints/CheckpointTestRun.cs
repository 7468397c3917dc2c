using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Checkpoints;

/// <summary>A TinyCnn with Adam, trained with VAT steps on fixed random data, and helpers to compare two such runs.</summary>
internal sealed class CheckpointTestRun : IDisposable
{
    private readonly Tensor _labeled;
    private readonly Tensor _labels;
    private readonly Tensor _unlabeled;

    public CheckpointTestRun(long seed = 3)
    {
        manual_seed(seed);
        Model = new TinyCnn();
        Optimizer = optim.Adam(Model.parameters(), lr: 0.01);

        // The data come from a separate generator, so building the data does not move the global one.
        using var generator = new Generator(99);
        _labeled = rand([8, 1, 8, 8], generator: generator);
        _labels = randint(0, 3, [8], generator: generator);
        _unlabeled = rand([16, 1, 8, 8], generator: generator);
    }

    public TinyCnn Model { get; }

    public Adam Optimizer { get; }

    /// <summary>Runs VAT steps, which draw dropout masks and random directions from the global generator.</summary>
    public void Train(int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            Model.TrainStep(_labeled, _labels, _unlabeled, Optimizer);
        }
    }

    /// <summary>Asserts that every state_dict entry of <paramref name="actual"/> has the bytes of the same entry of <paramref name="expected"/>.</summary>
    public static void AssertSameState(nn.Module expected, nn.Module actual)
    {
        Dictionary<string, Tensor> expectedState = expected.state_dict();
        Dictionary<string, Tensor> actualState = actual.state_dict();
        Assert.Equal(expectedState.Keys, actualState.Keys);
        foreach (string key in expectedState.Keys)
        {
            Assert.True(Support.TensorAssert.Identical(expectedState[key], actualState[key]), $"state_dict entry {key} differs.");
        }
    }

    /// <summary>Returns the optimizer state in TorchSharp's binary format, for a byte-wise comparison.</summary>
    public static byte[] OptimizerBytes(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.save_state_dict(writer);
        }

        return stream.ToArray();
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
        _labeled.Dispose();
        _labels.Dispose();
        _unlabeled.Dispose();
    }
}

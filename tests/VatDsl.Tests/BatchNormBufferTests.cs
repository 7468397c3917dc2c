using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// BatchNorm running statistics: the VAT passes leave every buffer bit-identical, and only the
/// labeled forward of a training step updates them.
/// </summary>
public sealed class BatchNormBufferTests
{
    [Fact]
    public void Vat_loss_leaves_buffers_bit_identical()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        model.train();
        WarmUp(model);
        Dictionary<string, byte[]> before = BufferBytes(model);
        Tensor x = randn(8, 1, 4, 4, dtype: ScalarType.Float64);

        var vat = VatLoss.Compute(model, x, new VatOptions { PowerIterations = 3, EntropyWeight = 0.5 });
        vat.Lds.backward();

        AssertBytesEqual(before, BufferBytes(model));
    }

    [Fact]
    public void Vat_loss_keeps_nan_and_negative_zero_bits()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        model.train();
        var batchNorm = (TorchSharp.Modules.BatchNorm1d)model.named_modules().Single(m => m.name == "bn1d").module;
        // A NaN with a payload and a negative zero: arithmetic restores (1 * m + 0 * batch mean)
        // would turn them into a canonical NaN and +0.
        var special = new byte[8 * 8];
        BitConverter.TryWriteBytes(special.AsSpan(0, 8), BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234));
        BitConverter.TryWriteBytes(special.AsSpan(8, 8), -0.0);
        batchNorm.running_mean!.bytes = special;
        Dictionary<string, byte[]> before = BufferBytes(model);
        Tensor x = randn(8, 1, 4, 4, dtype: ScalarType.Float64);

        VatLoss.Compute(model, x, new VatOptions());

        AssertBytesEqual(before, BufferBytes(model));
    }

    [Fact]
    public void Training_step_updates_buffers_from_labeled_batch_only()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm(seed: 7);
        var reference = TestModels.WithBatchNorm(seed: 7);
        Tensor labeledX = randn(6, 1, 4, 4, dtype: ScalarType.Float64);
        Tensor labels = tensor(new long[] { 0, 1, 2, 0, 1, 2 });
        Tensor unlabeledX = randn(10, 1, 4, 4, dtype: ScalarType.Float64) * 3 + 1;
        using var optimizer = optim.SGD(model.parameters(), 0.0);

        VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions());
        reference.train();
        using (no_grad())
        {
            reference.call(labeledX);
        }

        AssertBytesEqual(BufferBytes(reference), BufferBytes(model));
        var counter = (TorchSharp.Modules.BatchNorm2d)model.named_modules().Single(m => m.name == "bn2d").module;
        Assert.Equal(1.0, counter.num_batches_tracked!.to_type(ScalarType.Float64).item<double>());
    }

    private static void WarmUp(nn.Module<Tensor, Tensor> model)
    {
        using (no_grad())
        {
            model.call(randn(8, 1, 4, 4, dtype: ScalarType.Float64));
        }
    }

    private static Dictionary<string, byte[]> BufferBytes(nn.Module model) =>
        model.named_buffers().ToDictionary(b => b.name, b => b.buffer.bytes.ToArray());

    private static void AssertBytesEqual(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.OrderBy(k => k), actual.Keys.OrderBy(k => k));
        Assert.Contains("bn1d.running_mean", expected.Keys);
        Assert.Contains("bn2d.running_var", expected.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"Buffer {name} changed.");
        }
    }
}

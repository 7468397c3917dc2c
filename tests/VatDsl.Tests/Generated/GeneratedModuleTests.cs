using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Generated;

[Network(1, 8, 8)]
[Conv2d(4, Padding = 1), BatchNorm, ReLU, MaxPool2d(2), Flatten, Linear(3)]
internal partial class PositionalNet;

[Network(3, 8, 8)]
[Conv2d(4, Name = "conv1"), BatchNorm(Name = "bn1"), GlobalAvgPool, GaussianNoise(0.5, Name = "noise"), Linear(2, Name = "fc")]
internal partial class NamedNet;

[Network(4)]
[Linear(8, Name = "layer2"), ReLU(Name = "parameters"), Linear(3)]
internal partial class NaturalNamesNet;

[Network(4)]
[Linear(8), BatchNorm(Name = "bn"), ReLU, Dropout(0.5), Linear(3)]
internal partial class DropoutNet;

/// <summary>Generated networks run in LibTorch and expose the state_dict keys PyTorch would.</summary>
public sealed class GeneratedModuleTests
{
    [Fact]
    public void Positional_state_dict_keys_match_Sequential()
    {
        using var network = new PositionalNet();

        // The keys torch.nn.Sequential gives for the same layers in PyTorch. TorchSharp 0.107
        // lists every parameter before every buffer, so the order differs and the sets are compared.
        string[] expected =
        {
            "0.weight", "0.bias",
            "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
            "5.weight", "5.bias",
        };
        Assert.Equal(expected.Order(), network.state_dict().Keys.Order());
    }

    [Fact]
    public void Named_state_dict_keys_use_names()
    {
        using var network = new NamedNet();

        string[] expected =
        {
            "conv1.weight", "conv1.bias",
            "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked",
            "fc.weight", "fc.bias",
        };
        Assert.Equal(expected.Order(), network.state_dict().Keys.Order());
        Assert.Same(network.Conv1, network.named_children().First().module);
    }

    [Fact]
    public void Natural_names_keep_their_keys()
    {
        using var network = new NaturalNamesNet();

        string[] expected = { "layer2.weight", "layer2.bias", "2.weight", "2.bias" };
        Assert.Equal(expected.Order(), network.state_dict().Keys.Order());
        Assert.Same(network.Layer2, network.named_children().First().module);
    }

    [Fact]
    public void Nested_network_registers_layers_once()
    {
        using var outer = nn.Sequential(("net", new PositionalNet()));

        string[] keys = outer.state_dict().Keys.ToArray();

        Assert.Equal(9, keys.Length);
        Assert.All(keys, key => Assert.StartsWith("net.", key));
        Assert.DoesNotContain(keys, key => key.Contains("_layer", StringComparison.Ordinal));
    }

    [Fact]
    public void Forward_returns_logits_per_sample()
    {
        using var scope = NewDisposeScope();
        using var network = new PositionalNet();

        Tensor logits = network.call(randn(5, 1, 8, 8));

        Assert.Equal(new long[] { 5, PositionalNet.ClassCount }, logits.shape);
    }

    [Fact]
    public void Forward_rejects_wrong_shape()
    {
        using var scope = NewDisposeScope();
        using var network = new PositionalNet();

        var error = Assert.Throws<ArgumentException>(() => network.call(randn(5, 8, 8)));

        Assert.Equal("input", error.ParamName);
        Assert.Contains("PositionalNet: input has shape (5, 8, 8)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(batch, 1, 8, 8)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_matches_evaluation_forward()
    {
        using var scope = NewDisposeScope();
        using var network = new DropoutNet();
        Tensor x = randn(6, 4);
        network.eval();
        Tensor expected;
        using (no_grad())
        {
            expected = network.call(x);
        }

        network.train();
        Tensor runningMean = network.Bn.running_mean!.clone();

        Tensor predicted = network.Predict(x);

        // Evaluation mode has no randomness (Dropout off, BatchNorm on running statistics), so only
        // the summation order of a threaded kernel could differ: far below 1e-6 for float32
        // logits of order 1, while training mode would differ by whole dropout units.
        TensorAssert.AbsoluteClose(TensorAssert.Values(expected), predicted, 1e-6, "logits");
        Assert.False(predicted.requires_grad);
        Assert.True(network.training);
        Assert.All(network.modules(), module => Assert.True(module.training));
        Assert.True(TensorAssert.Identical(network.Bn.running_mean!, runningMean));
    }

    [Fact]
    public void Predict_keeps_evaluation_mode()
    {
        using var scope = NewDisposeScope();
        using var network = new DropoutNet();
        network.eval();

        network.Predict(randn(2, 4));

        Assert.False(network.training);
        Assert.All(network.modules(), module => Assert.False(module.training));
    }

    [Fact]
    public void Predict_rejects_wrong_shape()
    {
        using var scope = NewDisposeScope();
        using var network = new DropoutNet();

        var error = Assert.Throws<ArgumentException>(() => network.Predict(randn(4)));

        Assert.Equal("x", error.ParamName);
        Assert.True(network.training);
    }

    [Fact]
    public void Summary_counts_every_parameter()
    {
        using var network = new NamedNet();

        long parameters = network.parameters().Sum(parameter => parameter.numel());

        Assert.Equal(parameters, NamedNet.Summary.TotalParameters);
        Assert.Equal(new long[] { 2 }, NamedNet.Summary.Layers[^1].OutputShape);
    }

    [Fact]
    public void Interface_exposes_static_members()
    {
        using var network = new NamedNet();
        IVatNetwork instance = network;

        Assert.Same(NamedNet.Summary, instance.Summary);
        Assert.Same(NamedNet.InputShape, instance.InputShape);
        Assert.Same(NamedNet.DefaultVatOptions, instance.DefaultVatOptions);
        Assert.Equal(NamedNet.ClassCount, instance.ClassCount);
    }
}

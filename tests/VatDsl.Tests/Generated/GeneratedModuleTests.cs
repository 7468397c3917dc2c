using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Generated;

[Network(1, 8, 8)]
[Conv2d(4, Padding = 1), BatchNorm, ReLU, MaxPool2d(2), Flatten, Linear(3)]
internal partial class PositionalNet;

[Network(3, 8, 8)]
[Conv2d(4, Name = "conv1"), BatchNorm(Name = "bn1"), GlobalAvgPool, GaussianNoise(0.5, Name = "noise"), Linear(2, Name = "fc")]
internal partial class NamedNet;

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
    public void Summary_counts_every_parameter()
    {
        using var network = new NamedNet();

        long parameters = network.parameters().Sum(parameter => parameter.numel());

        Assert.Equal(parameters, NamedNet.Summary.TotalParameters);
        Assert.Equal(new long[] { 2 }, NamedNet.Summary.Layers[^1].OutputShape);
    }
}

using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Three-class classifier for 4 features, compiled by the VatDsl generator.</summary>
[Network(4)]
[Linear(16), Tanh, Linear(3)]
[Vat(Epsilon = 1.0, Xi = 0.01)]
public partial class BlobNet;

/// <summary>Small image classifier with BatchNorm, max pooling and dropout, compiled by the VatDsl generator.</summary>
[Network(1, 8, 8)]
[Conv2d(4, Kernel = 3, Padding = 1), BatchNorm, ReLU, MaxPool2d(2)]
[Flatten, Dropout(0.2), Linear(3)]
[Vat(Epsilon = 2.0, PowerIterations = 2)]
public partial class TinyCnn;

/// <summary>Generated networks train, step and evaluate end to end through the runtime.</summary>
public sealed class GeneratedNetworkTests
{
    [Fact]
    public void Generated_mlp_learns_blobs()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(12, 4, 3, seed: 1);
        var (unlabeledX, _) = SyntheticData.Blobs(96, 4, 3, seed: 2);
        var (testX, testLabels) = SyntheticData.Blobs(300, 4, 3, seed: 3);
        manual_seed(1);
        var network = new BlobNet();
        using var optimizer = optim.Adam(network.parameters(), 0.01);

        var results = Enumerable.Range(0, 150).Select(_ => network.TrainStep(labeledX, labels, unlabeledX, optimizer)).ToList();

        double firstLoss = results.Take(10).Average(r => r.Total);
        double lastLoss = results.TakeLast(10).Average(r => r.Total);
        Assert.True(lastLoss < 0.5 * firstLoss, $"Total loss fell only from {firstLoss} to {lastLoss}.");
        double accuracy = network.Evaluate(testX, testLabels);
        Assert.True(accuracy > 0.9, $"Test accuracy is {accuracy}.");
    }

    [Fact]
    public void Generated_cnn_steps_and_evaluates()
    {
        using var scope = NewDisposeScope();
        var (flatLabeled, labels) = SyntheticData.Blobs(12, 64, 3, seed: 4);
        var (flatUnlabeled, _) = SyntheticData.Blobs(48, 64, 3, seed: 5);
        Tensor labeledX = flatLabeled.reshape(12, 1, 8, 8);
        Tensor unlabeledX = flatUnlabeled.reshape(48, 1, 8, 8);
        manual_seed(2);
        IVatNetwork network = new TinyCnn();
        var module = (TinyCnn)network;
        using var optimizer = optim.Adam(module.parameters(), 0.01);

        VatStepResult first = network.TrainStep(labeledX, labels, unlabeledX, optimizer);
        VatStepResult supervised = network.SupervisedStep(labeledX, labels, optimizer);
        VatStepResult last = first;
        for (int i = 0; i < 60; i++)
        {
            last = network.TrainStep(labeledX, labels, unlabeledX, optimizer, network.DefaultVatOptions with { EntropyWeight = 0.1 });
        }

        Assert.True(first.Lds > 0, $"First LDS is {first.Lds}.");
        Assert.Equal(0.0, supervised.Lds);
        Assert.True(last.CrossEntropy < first.CrossEntropy, $"Cross-entropy went from {first.CrossEntropy} to {last.CrossEntropy}.");
        Assert.Equal(1.0, network.Evaluate(labeledX, labels, batchSize: 5));
        Assert.Equal(2, network.DefaultVatOptions.PowerIterations);
        Assert.True(module.training, "Evaluate left the network in evaluation mode.");
    }

    [Fact]
    public void Wrong_input_shape_names_declaration()
    {
        using var scope = NewDisposeScope();
        var network = new BlobNet();
        using var optimizer = optim.SGD(network.parameters(), 0.1);
        Tensor labels = tensor(new long[] { 0, 1 });

        var error = Assert.Throws<ArgumentException>(() => network.TrainStep(randn(2, 5), labels, randn(4, 4), optimizer));

        Assert.Contains("BlobNet", error.Message);
        Assert.Contains("(2, 5)", error.Message);
    }
}

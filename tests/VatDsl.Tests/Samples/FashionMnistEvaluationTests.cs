using System.Linq;
using TorchSharp;
using VatDsl.Samples.FashionMnist;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Samples;

/// <summary>Evaluation under --bn-stats: the accuracy it measures and the training state it must leave alone.</summary>
public sealed class FashionMnistEvaluationTests
{
    [Fact]
    public void Reestimate_leaves_training_state_unchanged()
    {
        using var scope = NewDisposeScope();
        var (network, images, labels) = TrainedNetwork();
        var before = network.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());
        var evaluation = new ModelEvaluation(network, BatchNormEvaluation.Reestimate, images, Enumerable.Range(0, 64).ToArray(),
            batchSize: 16, seed: 1, CPU);

        double?[] accuracies = evaluation.Accuracies((images, labels), null);

        Assert.InRange(accuracies[0]!.Value, 0.0, 1.0);
        Assert.Null(accuracies[1]);
        Assert.True(network.training);
        foreach (var (name, tensor) in network.state_dict())
        {
            Assert.True(tensor.eq(before[name]).all().item<bool>(), $"{name} changed during the evaluation");
        }
    }

    [Fact]
    public void Reestimate_measures_with_other_statistics()
    {
        using var scope = NewDisposeScope();
        var (network, images, labels) = TrainedNetwork();
        int[] all = Enumerable.Range(0, 64).ToArray();
        var running = new ModelEvaluation(network, BatchNormEvaluation.Running, images, all, 16, 1, CPU);
        var reestimated = new ModelEvaluation(network, BatchNormEvaluation.Reestimate, images, all, 16, 1, CPU);
        using Tensor runningLogits = ((IVatNetwork)network).Predict(images);

        // After three steps the running averages (momentum 0.1) are still close to their initial
        // 0 and 1, while re-estimation replaces them with the batch statistics, so the logits differ.
        double?[] first = running.Accuracies((images, labels));
        reestimated.Accuracies((images, labels));
        using Tensor afterLogits = ((IVatNetwork)network).Predict(images);

        Assert.NotNull(first[0]);
        Assert.True(runningLogits.eq(afterLogits).all().item<bool>(), "the re-estimation leaked into later predictions");
        Assert.False(ReestimatedLogits(network, images).allclose(runningLogits), "re-estimated statistics gave the running-average logits");
    }

    private static Tensor ReestimatedLogits(nn.Module<Tensor, Tensor> network, Tensor images)
    {
        BatchNormStatistics.Reestimate(network, [images]);
        return ((IVatNetwork)network).Predict(images);
    }

    private static (nn.Module<Tensor, Tensor> Network, Tensor Images, Tensor Labels) TrainedNetwork()
    {
        torch.manual_seed(3);
        var network = new FashionCnn();
        Tensor images = rand(64, 1, 28, 28);
        Tensor labels = arange(64, dtype: ScalarType.Int64) % 10;
        using var adam = optim.Adam(network.parameters());
        for (int step = 0; step < 3; step++)
        {
            ((IVatNetwork)network).SupervisedStep(images[..16], labels[..16], adam);
        }

        return (network, images, labels);
    }
}

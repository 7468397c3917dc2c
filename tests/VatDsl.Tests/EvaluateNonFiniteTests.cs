using System;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// Evaluate rejects NaN or infinite logits, because their argmax is class 0 and would count as
/// a correct prediction for every class-0 label.
/// </summary>
public sealed class EvaluateNonFiniteTests
{
    [Fact]
    public void Nan_input_is_rejected_with_batch_range()
    {
        using var scope = NewDisposeScope();
        var (x, _) = SyntheticData.Blobs(8, 4, 3, seed: 1);
        Tensor labels = zeros(8, dtype: ScalarType.Int64);
        x[5, 2] = tensor(float.NaN);
        var model = TestModels.Mlp(4, 8, 3);

        var error = Assert.Throws<NonFiniteValueException>(() => VatTraining.Evaluate(model, x, labels, batchSize: 4));

        Assert.Equal(TrainingTerm.EvaluationLogits, error.Term);
        Assert.Null(error.Step);
        Assert.Contains("samples [4, 8)", error.Message);
        Assert.Contains("contain 1 NaN or infinite values", error.Message);
        Assert.DoesNotContain("diverged", error.Message);
    }

    [Fact]
    public void Infinite_input_is_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        x[0, 0] = tensor(float.PositiveInfinity);

        // A linear model passes the infinity on to the logits; tanh layers would saturate it.
        manual_seed(1);
        var model = nn.Sequential(("fc", nn.Linear(4, 3)));

        var error = Assert.Throws<NonFiniteValueException>(() => VatTraining.Evaluate(model, x, labels));

        Assert.Contains("samples [0, 4)", error.Message);
        Assert.Contains("contain 1 NaN or infinite values", error.Message);
    }

    [Fact]
    public void Diverged_model_is_named_as_cause()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);
        using (no_grad())
        {
            foreach (var parameter in model.parameters())
            {
                parameter.fill_(double.NaN);
            }
        }

        var error = Assert.Throws<NonFiniteValueException>(() => VatTraining.Evaluate(model, x, labels));

        Assert.Contains("model itself diverged", error.Message);
        Assert.True(model.training);
    }

    [Fact]
    public void Finite_logits_give_accuracy()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(8, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);

        double accuracy = VatTraining.Evaluate(model, x, labels, batchSize: 3);

        Assert.InRange(accuracy, 0.0, 1.0);
    }
}

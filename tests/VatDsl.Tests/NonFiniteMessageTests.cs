using System;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>The NaN guard's messages: one cause when the input is at fault, grammar, and step numbers.</summary>
public sealed class NonFiniteMessageTests
{
    [Fact]
    public void Nan_unlabeled_input_names_only_input()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 7);
        var (unlabeledX, _) = SyntheticData.Blobs(16, 4, 3, seed: 8);
        unlabeledX[3, 0] = tensor(float.NaN);
        var model = TestModels.Mlp(4, 16, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.01);

        var error = Assert.Throws<NonFiniteValueException>(
            () => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions()));

        Assert.Equal(TrainingTerm.UnlabeledLogits, error.Term);
        Assert.Contains("the logits of the unlabeled batch are NaN", error.Message);
        Assert.Contains("The input batch contains 1 NaN or infinite values", error.Message);
        Assert.DoesNotContain("learning rate", error.Message);
        Assert.DoesNotContain("Likely causes", error.Message);
    }

    [Fact]
    public void Finite_input_keeps_likely_causes()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 7);
        var model = TestModels.Mlp(4, 16, 3);
        using (no_grad())
        {
            foreach (var parameter in model.parameters())
            {
                parameter.fill_(double.NaN);
            }
        }

        using var optimizer = optim.SGD(model.parameters(), 0.01);

        var error = Assert.Throws<NonFiniteValueException>(() => VatTraining.SupervisedStep(model, labeledX, labels, optimizer));

        Assert.Contains("the cross-entropy of the labeled batch is NaN", error.Message);
        Assert.Contains("learning rate", error.Message);
    }

    [Fact]
    public void Step_number_skips_rejected_calls()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 7);
        var model = TestModels.Mlp(4, 16, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        VatTraining.SupervisedStep(model, labeledX, labels, optimizer);
        Assert.Throws<ArgumentException>(
            () => VatTraining.SupervisedStep(model, labeledX, labels.to_type(ScalarType.Int32), optimizer));
        Assert.Throws<ArgumentException>(
            () => VatTraining.SupervisedStep(model, labeledX.narrow(0, 0, 4), labels, optimizer));
        Tensor nanX = labeledX.clone();
        nanX[0, 0] = tensor(float.NaN);

        var error = Assert.Throws<NonFiniteValueException>(() => VatTraining.SupervisedStep(model, nanX, labels, optimizer));
        var repeated = Assert.Throws<NonFiniteValueException>(() => VatTraining.SupervisedStep(model, nanX, labels, optimizer));

        Assert.Equal(2, error.Step);
        Assert.Contains("Training step 2:", error.Message);
        Assert.Equal(2, repeated.Step);
    }
}

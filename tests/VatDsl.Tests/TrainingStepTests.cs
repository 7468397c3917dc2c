using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>End-to-end behaviour of VatTraining.Step, SupervisedStep and Evaluate on small synthetic problems.</summary>
public sealed class TrainingStepTests
{
    [Fact]
    public void Vat_step_learns_blobs()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(12, 4, 3, seed: 1);
        var (unlabeledX, _) = SyntheticData.Blobs(96, 4, 3, seed: 2);
        var (testX, testLabels) = SyntheticData.Blobs(300, 4, 3, seed: 3);
        var model = TestModels.Mlp(4, 16, 3);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        var options = new VatOptions { Epsilon = 1.0, Xi = 1e-2 };
        double before = VatTraining.Evaluate(model, testX, testLabels);

        var results = Enumerable.Range(0, 150)
            .Select(_ => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options))
            .ToList();

        double firstLoss = results.Take(10).Average(r => r.Total);
        double lastLoss = results.TakeLast(10).Average(r => r.Total);
        Assert.True(lastLoss < 0.5 * firstLoss, $"Total loss fell only from {firstLoss} to {lastLoss}.");
        double after = VatTraining.Evaluate(model, testX, testLabels);
        Assert.True(after > 0.9, $"Test accuracy after training is {after}.");
        Assert.True(after > before, $"Test accuracy fell from {before} to {after}.");
        Assert.All(results, r => Assert.True(r.Lds >= 0, $"LDS {r.Lds} is negative."));
    }

    [Fact]
    public void Step_result_sums_weighted_terms()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 4, dtype: ScalarType.Float64);
        var (unlabeledX, _) = SyntheticData.Blobs(32, 4, 3, seed: 5, dtype: ScalarType.Float64);
        var model = TestModels.Mlp(4, 16, 3, dtype: ScalarType.Float64);
        using var optimizer = optim.SGD(model.parameters(), 0.01);
        var options = new VatOptions { Alpha = 0.7, EntropyWeight = 0.3, Epsilon = 1.0 };

        VatStepResult result = VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options);

        double expected = result.CrossEntropy + 0.7 * result.Lds + 0.3 * result.ConditionalEntropy;
        Assert.Equal(expected, result.Total, 12);
        Assert.True(result.Lds > 0);
        Assert.True(result.ConditionalEntropy > 0);
    }

    [Fact]
    public void Supervised_step_lowers_cross_entropy()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(30, 4, 3, seed: 6);
        var model = TestModels.Mlp(4, 16, 3);
        using var optimizer = optim.Adam(model.parameters(), 0.01);

        var results = Enumerable.Range(0, 100).Select(_ => VatTraining.SupervisedStep(model, labeledX, labels, optimizer)).ToList();

        Assert.True(results[^1].CrossEntropy < 0.5 * results[0].CrossEntropy,
            $"Cross-entropy fell only from {results[0].CrossEntropy} to {results[^1].CrossEntropy}.");
        Assert.All(results, r => Assert.Equal(0.0, r.Lds));
        Assert.All(results, r => Assert.Equal(r.CrossEntropy, r.Total));
    }

    [Fact]
    public void Evaluate_counts_correct_predictions_in_batches()
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("fc", nn.Linear(3, 3, hasBias: false, dtype: ScalarType.Float64)));
        using (no_grad())
        {
            model.parameters().Single().copy_(eye(3, dtype: ScalarType.Float64));
        }

        // The argmax of each row is its class; 7 of the 10 labels agree with it.
        Tensor x = eye(3, dtype: ScalarType.Float64).index_select(0, tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1, 2, 0 }));
        Tensor labels = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 2, 0, 1 });

        Assert.Equal(0.7, VatTraining.Evaluate(model, x, labels, batchSize: 3), 12);
        Assert.Equal(0.7, VatTraining.Evaluate(model, x, labels, batchSize: 1000), 12);
    }

    [Fact]
    public void Evaluate_restores_training_flags()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        model.train();
        var batchNorm = model.named_modules().Single(m => m.name == "bn1d").module;
        batchNorm.eval();
        Tensor x = randn(5, 1, 4, 4, dtype: ScalarType.Float64);
        Tensor labels = tensor(new long[] { 0, 1, 2, 0, 1 });

        VatTraining.Evaluate(model, x, labels, batchSize: 2);

        Assert.True(model.training);
        Assert.False(batchNorm.training);
        Assert.True(model.named_modules().Single(m => m.name == "bn2d").module.training);
    }

    [Fact]
    public void Nan_input_throws_before_optimizer_step()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 7);
        var (unlabeledX, _) = SyntheticData.Blobs(16, 4, 3, seed: 8);
        var model = TestModels.Mlp(4, 16, 3);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions());
        labeledX[2, 1] = tensor(float.NaN);
        Tensor[] before = model.parameters().Select(p => p.detach().clone()).ToArray();

        var error = Assert.Throws<NonFiniteValueException>(
            () => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions()));

        Assert.Equal(TrainingTerm.CrossEntropy, error.Term);
        Assert.Equal(2, error.Step);
        Assert.Contains("Training step 2", error.Message);
        Assert.Contains("contains 1 NaN or infinite values", error.Message);
        AssertUnchanged(before, model);
    }

    [Fact]
    public void Overflowing_epsilon_throws_lds_error()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 9);
        var (unlabeledX, _) = SyntheticData.Blobs(16, 4, 3, seed: 10);
        manual_seed(5);
        var model = nn.Sequential(("fc", nn.Linear(4, 3)));
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        Tensor[] before = model.parameters().Select(p => p.detach().clone()).ToArray();

        // float32 overflows at 3.4e38: x + r_adv reaches it, and so do the logits.
        var error = Assert.Throws<NonFiniteValueException>(
            () => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions { Epsilon = 3e38 }));

        Assert.Equal(TrainingTerm.Lds, error.Term);
        Assert.Contains("Epsilon (now 3E+38) is too large", error.Message);
        AssertUnchanged(before, model);
    }

    [Fact]
    public void Nan_gradient_throws_before_optimizer_step()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(8, 4, 3, seed: 11);
        var model = new SqrtAtZero();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        Tensor[] before = model.parameters().Select(p => p.detach().clone()).ToArray();

        var error = Assert.Throws<NonFiniteValueException>(() => VatTraining.SupervisedStep(model, labeledX, labels, optimizer));

        Assert.Equal(TrainingTerm.ParameterGradients, error.Term);
        Assert.Contains("'fc.weight'", error.Message);
        AssertUnchanged(before, model);
    }

    private static void AssertUnchanged(Tensor[] before, nn.Module model)
    {
        Tensor[] after = model.parameters().ToArray();
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(TensorAssert.Identical(before[i], after[i]), $"Parameter {i} changed although the step threw.");
        }
    }

    /// <summary>Adds sqrt(0 * h) to the logits: the loss stays finite, its gradient is 0 * inf = NaN.</summary>
    private sealed class SqrtAtZero : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear fc;

        public SqrtAtZero()
            : base(nameof(SqrtAtZero))
        {
            manual_seed(1);
            fc = nn.Linear(4, 3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            Tensor logits = fc.call(input);
            return logits + (logits * 0).sqrt();
        }
    }
}

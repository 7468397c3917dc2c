using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// For a linear softmax model the KL divergence has, per sample, the Hessian
/// H = W^T (diag(p) - p p^T) W at r = 0, and r_adv must approach epsilon times its top
/// eigenvector as the number of power iterations grows.
/// </summary>
public sealed class PowerIterationConvergenceTests
{
    private static readonly double[,] Weights =
    {
        { 4.0, 0.0, 0.0, 0.0 },
        { 0.0, 0.8, 0.0, 0.0 },
        { 0.0, 0.0, 0.4, 0.2 },
    };

    /// <summary>
    /// Power iteration shrinks tan(angle to the top eigenvector) by lambda2 / lambda1 each step.
    /// The weights make that ratio at most 0.25, so after 5 steps the angle is below
    /// 0.25^5 * tan(initial angle), and 1 - cos is below 1e-5 for any initial direction not
    /// nearly orthogonal to the eigenvector. The finite-difference probe (xi = 1e-6 in float64)
    /// adds a relative error near 1e-7 to each Hessian-vector product, far below that bound.
    /// </summary>
    [Theory]
    [InlineData(HessianVectorProduct.FiniteDifference)]
    [InlineData(HessianVectorProduct.DoubleBackprop)]
    public void Direction_converges_to_top_eigenvector(HessianVectorProduct product)
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("fc", nn.Linear(4, 3, dtype: ScalarType.Float64)));
        using (no_grad())
        {
            model.named_parameters().Single(p => p.name == "fc.weight").parameter.copy_(tensor(Weights));
            model.named_parameters().Single(p => p.name == "fc.bias").parameter.zero_();
        }

        Tensor x = tensor(new[,] { { 0.3, -0.2, 0.5, 1.0 }, { -0.4, 0.6, 0.1, -0.3 } });
        Tensor d0 = randn(new long[] { 2, 4 }, dtype: ScalarType.Float64, generator: new Generator(5));
        Tensor[] topEigenvectors = Enumerable.Range(0, 2).Select(b => TopEigenvector(model, x[b])).ToArray();

        double[] previousMisalignment = { double.PositiveInfinity, double.PositiveInfinity };
        for (int iterations = 1; iterations <= 6; iterations++)
        {
            var options = new VatOptions
            {
                Xi = 1e-6,
                Epsilon = 1.0,
                PowerIterations = iterations,
                Normalization = DirectionNormalization.L2,
                HessianVectorProduct = product,
            };
            Tensor rAdv = VatLoss.Compute(model, x, d0, options).AdversarialPerturbation;

            for (int b = 0; b < 2; b++)
            {
                double cosine = Math.Abs((rAdv[b] * topEigenvectors[b]).sum().item<double>()) / rAdv[b].norm().item<double>();
                double misalignment = 1 - cosine;
                Assert.True(misalignment <= previousMisalignment[b] + 1e-12,
                    $"Sample {b}: 1 - cos grew from {previousMisalignment[b]} to {misalignment} at Ip = {iterations}.");
                previousMisalignment[b] = misalignment;
                if (iterations >= 5)
                {
                    Assert.True(cosine > 0.99999, $"Sample {b}: cosine {cosine} at Ip = {iterations}.");
                }
            }
        }
    }

    private static Tensor TopEigenvector(nn.Module<Tensor, Tensor> model, Tensor sample)
    {
        Tensor weight = tensor(Weights);
        Tensor p = model.call(sample.unsqueeze(0)).softmax(1).squeeze(0).detach();
        Tensor curvature = diag(p) - p.outer(p);
        Tensor hessian = weight.t().matmul(curvature).matmul(weight);
        var (eigenvalues, eigenvectors) = linalg.eigh(hessian);
        double[] values = TensorAssert.Values(eigenvalues);
        double ratio = values[^2] / values[^1];
        Assert.True(ratio < 0.25, $"The test needs a well-separated spectrum; lambda2 / lambda1 is {ratio}.");
        return eigenvectors[.., ^1];
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>The two ways a power iteration obtains H d, the Hessian of D(r) at r = 0 times d.</summary>
internal static class HessianProducts
{
    /// <summary>
    /// H d (up to a positive factor), D at the probe point, the rounding count of the probe, and
    /// per sample whether at least half of its probed elements were unchanged (null when exact).
    /// </summary>
    internal readonly record struct Product(Tensor Value, Tensor Divergence, long UnchangedElements, long ProbedElements,
        Tensor? LostProbeSamples = null);

    /// <summary>Returns dD/dr at r = xi * d, which is xi * H d plus O(xi^2).</summary>
    public static Product FiniteDifference(nn.Module<Tensor, Tensor> model, Tensor x, Tensor logP, Tensor d, double xi)
    {
        Tensor r = (d * xi).detach().requires_grad_(true);
        Tensor perturbed = x + r;
        Tensor divergence = KlDivergence.Mean(logP, model.call(perturbed));

        // When the logits ignore x, r is not in the graph, and TorchSharp 0.107 cannot wrap the
        // undefined gradient that allow_unused returns. The zero term keeps r in the graph, so
        // that gradient comes back as exact zeros and the stabilized direction is zero.
        Tensor connected = divergence + (r * 0).sum();
        Tensor gradient = autograd.grad(new[] { connected }, new[] { r })[0];

        using var noGrad = no_grad();
        Tensor probed = r.detach() != 0;
        Tensor unchangedMask = (perturbed.detach() == x).logical_and(probed);
        long unchanged = unchangedMask.sum().item<long>();

        // A sample with no probed element at all (d = 0) also counts as lost.
        Tensor lostSamples = unchangedMask.flatten(1).sum(1) * 2 >= probed.flatten(1).sum(1);
        return new Product(gradient.detach(), divergence.detach(), unchanged, probed.sum().item<long>(), lostSamples);
    }

    /// <summary>Returns H d by double backpropagation, and D(0).</summary>
    public static Product DoubleBackprop(nn.Module<Tensor, Tensor> model, Tensor x, Tensor logP, Tensor d)
    {
        Tensor r = zeros_like(x).requires_grad_(true);
        Tensor divergence = KlDivergence.Mean(logP, model.call(x + r));

        // The zero terms keep r in both graphs when the logits ignore x (see FiniteDifference).
        // TorchSharp passes retain_graph explicitly (PyTorch defaults it to create_graph), and the
        // second grad call needs the first graph.
        Tensor gradient = autograd.grad(new[] { divergence + (r * 0).sum() }, new[] { r },
            retain_graph: true, create_graph: true)[0];
        Tensor directional = (gradient * d).sum() + (r * 0).sum();
        Tensor product = autograd.grad(new[] { directional }, new[] { r })[0];
        return new Product(product.detach(), divergence.detach(), UnchangedElements: 0, ProbedElements: 0);
    }
}

using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// KL divergence between categorical distributions given as log-probabilities and logits.
/// </summary>
/// <remarks>
/// Written out as sum_k p_k (log p_k - log q_k) because TorchSharp's <c>kl_div</c> takes its
/// target in log space by default (unlike PyTorch) and has no batchmean reduction.
/// </remarks>
public static class KlDivergence
{
    /// <summary>
    /// Returns KL(p || softmax(<paramref name="logitsQ"/>)) for each sample, in nats, shape (batch).
    /// Gradients flow only into <paramref name="logitsQ"/>.
    /// </summary>
    /// <param name="logP">log p, shape (batch, classes); treated as a constant.</param>
    /// <param name="logitsQ">Logits of q, shape (batch, classes).</param>
    public static Tensor PerSample(Tensor logP, Tensor logitsQ)
    {
        Tensor constantLogP = logP.detach();
        Tensor p = constantLogP.exp();
        Tensor logQ = logitsQ.log_softmax(1);
        return (p * (constantLogP - logQ)).sum(1);
    }

    /// <summary>Returns the batch mean of <see cref="PerSample"/>, a scalar.</summary>
    public static Tensor Mean(Tensor logP, Tensor logitsQ) => PerSample(logP, logitsQ).mean();
}

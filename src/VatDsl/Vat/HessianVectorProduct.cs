namespace VatDsl;

/// <summary>How each power iteration multiplies the direction by the Hessian H of D(r) at r = 0.</summary>
public enum HessianVectorProduct
{
    /// <summary>
    /// The official method: H d is approximated by the gradient of D at r = xi * d (divided by xi,
    /// which the normalization removes). One forward and one backward pass per iteration.
    /// </summary>
    FiniteDifference,

    /// <summary>
    /// The exact product by double backpropagation: the gradient of (dD/dr at r = 0) . d with
    /// respect to r. It does not use Xi and keeps working where float32 loses a small probe, for
    /// about twice the cost of a finite-difference iteration.
    /// </summary>
    DoubleBackprop,
}

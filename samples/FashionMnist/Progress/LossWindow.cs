namespace VatDsl.Samples.FashionMnist.Progress;

/// <summary>Sums step losses over a progress window and returns their means when the window closes.</summary>
internal sealed class LossWindow
{
    private double _crossEntropySum;
    private double _ldsSum;
    private double _totalSum;
    private int _count;

    /// <summary>Mean cross-entropy of the last closed window, NaN before the first.</summary>
    public double LastCrossEntropy { get; private set; } = double.NaN;

    /// <summary>Mean LDS of the last closed window, NaN before the first.</summary>
    public double LastLds { get; private set; } = double.NaN;

    /// <summary>Mean total loss of the last closed window, NaN before the first.</summary>
    public double LastTotal { get; private set; } = double.NaN;

    public void Add(VatStepResult result)
    {
        _crossEntropySum += result.CrossEntropy;
        _ldsSum += result.Lds;
        _totalSum += result.Total;
        _count++;
    }

    /// <summary>Stores the window's means in the Last properties and starts a new window. An empty window keeps the previous means.</summary>
    public void Close()
    {
        if (_count == 0)
        {
            return;
        }

        LastCrossEntropy = _crossEntropySum / _count;
        LastLds = _ldsSum / _count;
        LastTotal = _totalSum / _count;
        _crossEntropySum = _ldsSum = _totalSum = 0;
        _count = 0;
    }

    /// <summary>Returns the sums of the open window and the last means, for a checkpoint.</summary>
    public LossWindowState Capture() =>
        new(_crossEntropySum, _ldsSum, _totalSum, _count, LastCrossEntropy, LastLds, LastTotal);

    /// <summary>Continues from a state returned by <see cref="Capture"/>, so a resumed run averages over the same steps.</summary>
    public void Restore(LossWindowState state)
    {
        _crossEntropySum = state.CrossEntropySum;
        _ldsSum = state.LdsSum;
        _totalSum = state.TotalSum;
        _count = state.Count;
        LastCrossEntropy = state.LastCrossEntropy;
        LastLds = state.LastLds;
        LastTotal = state.LastTotal;
    }
}

/// <summary>The sums and step count of an open <see cref="LossWindow"/> and the means of its last closed window.</summary>
internal sealed record LossWindowState(
    double CrossEntropySum,
    double LdsSum,
    double TotalSum,
    int Count,
    double LastCrossEntropy,
    double LastLds,
    double LastTotal);

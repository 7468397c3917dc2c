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
}

namespace VatDsl.Samples.FashionMnist.Progress;

/// <summary>Where the training loop shows its progress: a progress bar on a terminal, plain lines elsewhere.</summary>
internal interface ITrainingProgress
{
    /// <summary>Records that <paramref name="step"/> steps are done. The loop calls it after every step.</summary>
    void Advance(int step);

    /// <summary>Shows the values of a progress window.</summary>
    void Report(ProgressLine line);

    /// <summary>Shows a message, such as a test accuracy or a file written, without breaking the progress display.</summary>
    void WriteLine(string message);
}

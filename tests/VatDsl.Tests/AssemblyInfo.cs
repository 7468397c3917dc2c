using Xunit;

// The tests seed and draw from TorchSharp's global generator, replay its state for dropout
// masks and count live tensors process-wide, so test classes must not run concurrently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using System;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// State of the global CPU random number generator at one point, replayed before each perturbed
/// forward pass so that dropout and noise layers draw the same masks as in the clean pass.
/// </summary>
/// <remarks>
/// The official TensorFlow code gets the same effect from fixed per-op seeds: with eps = 0 the
/// LDS is then exactly 0, and the KL measures the effect of the perturbation alone, not that of
/// a new dropout mask.
/// </remarks>
internal sealed class RandomnessReplay
{
    private readonly Tensor _state;

    private RandomnessReplay(Tensor state)
    {
        _state = state;
    }

    /// <summary>Saves the global generator state. The state tensor belongs to the current dispose scope.</summary>
    public static RandomnessReplay Capture(Device device)
    {
        if (device.type != DeviceType.CPU)
        {
            // TODO: TorchSharp 0.107 exposes no CUDA generator state; replay it once it does.
            throw new NotSupportedException(
                $"The model runs on {device}, but sharing dropout masks across the VAT passes is implemented " +
                "only for the CPU generator. Set VatOptions.ShareRandomnessAcrossPasses = false to draw fresh masks.");
        }

        return new RandomnessReplay(get_rng_state());
    }

    /// <summary>Sets the global generator back to the saved state.</summary>
    public void Replay() => set_rng_state(_state);
}

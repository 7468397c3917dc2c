using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace VatDsl;

/// <summary>
/// Returns freed native memory to the operating system on glibc-based Linux, every
/// <see cref="IntervalSteps"/> training steps.
/// </summary>
/// <remarks>
/// LibTorch allocates tensors with malloc. glibc keeps freed blocks in its arenas instead of
/// unmapping them, so a training loop that disposes every tensor can still grow in resident
/// memory step after step. <c>malloc_trim(0)</c> releases that memory. On other platforms and C
/// libraries (musl has no malloc_trim) trimming is reported as unsupported and skipped.
/// </remarks>
public static class NativeMemoryTrimmer
{
    /// <summary>Default of <see cref="IntervalSteps"/>.</summary>
    public const int DefaultIntervalSteps = 100;

    private static int s_intervalSteps = DefaultIntervalSteps;
    private static long s_stepsSinceTrim;
    private static int s_unsupported;
    private static long s_trimCount;

    /// <summary>
    /// Number of training steps between two trims, counted over all models of the process,
    /// because the heap is shared. 0 turns trimming off. Defaults to <see cref="DefaultIntervalSteps"/>.
    /// </summary>
    public static int IntervalSteps
    {
        get => Volatile.Read(ref s_intervalSteps);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(IntervalSteps));
            Volatile.Write(ref s_intervalSteps, value);
        }
    }

    /// <summary>Whether this process can trim its heap: true on Linux with glibc until a call fails.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Volatile.Read(ref s_unsupported) == 0;

    /// <summary>Number of successful calls to malloc_trim made by this class.</summary>
    public static long TrimCount => Interlocked.Read(ref s_trimCount);

    /// <summary>Counts one training step and trims when the interval is reached.</summary>
    internal static void OnStepCompleted()
    {
        int interval = IntervalSteps;
        if (interval == 0 || !IsSupported)
        {
            return;
        }

        if (Interlocked.Increment(ref s_stepsSinceTrim) >= interval)
        {
            Interlocked.Exchange(ref s_stepsSinceTrim, 0);
            Trim();
        }
    }

    /// <summary>Calls malloc_trim(0) now. Returns false where the C library has no malloc_trim.</summary>
    public static bool Trim()
    {
        if (!IsSupported)
        {
            return false;
        }

        try
        {
            MallocTrim(0);
            Interlocked.Increment(ref s_trimCount);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unsupported, 1);
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

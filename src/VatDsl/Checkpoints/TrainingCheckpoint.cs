using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using VatDsl.Data;
using static TorchSharp.torch;

namespace VatDsl.Checkpoints;

/// <summary>
/// Saves and loads everything a training run needs to continue as if it had not stopped. That is
/// the model's state_dict (parameters and buffers such as the BatchNorm running statistics), the
/// optimizer state and the step. It also includes the position in the batch order, the state of
/// TorchSharp's CPU random number generator, and the settings the run must repeat.
/// </summary>
/// <remarks>
/// <para>
/// A checkpoint is one file, written atomically (see <see cref="AtomicFile"/>): an interrupted
/// save leaves the previous checkpoint in place. The file carries a SHA-256 checksum, so a
/// truncated or damaged file is reported before anything is loaded.
/// </para>
/// <para>
/// The optimizer state uses TorchSharp's own format (<c>OptimizerHelper.save_state_dict</c>),
/// which PyTorch cannot read. Use <see cref="Export.PyTorchExport"/> for weights that PyTorch loads.
/// </para>
/// <para>
/// NOTE: tested on the CPU only. Only the CPU generator state is saved, so a run on CUDA resumes
/// with other dropout masks and VAT directions than an uninterrupted run would draw.
/// </para>
/// </remarks>
public static class TrainingCheckpoint
{
    /// <summary>Writes a checkpoint of <paramref name="model"/> and <paramref name="optimizer"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Checkpoint file. Its folder must exist. A previous file is replaced only once the new one is complete.</param>
    /// <param name="model">Network being trained.</param>
    /// <param name="optimizer">Optimizer over the parameters of <paramref name="model"/>, one of TorchSharp's managed optimizers (Adam, SGD, ...).</param>
    /// <param name="step">Number of optimizer steps completed.</param>
    /// <param name="settings">Settings that a resumed run must repeat, or null for none.</param>
    /// <param name="batches">Position in the batch order, or null when the caller restores the batches another way.</param>
    /// <param name="extraState">Text to store with the checkpoint and return in <see cref="CheckpointInfo.ExtraState"/>, or null.</param>
    public static void Save(string path, nn.Module model, optim.Optimizer optimizer, long step,
        IReadOnlyDictionary<string, string>? settings = null, BatchPosition? batches = null, string? extraState = null) =>
        Save(path, model, optimizer, step, settings, batches, extraState, openTemporary: null);

    /// <summary>Saves like the public overload, with the temporary file opened by <paramref name="openTemporary"/> when it is not null.</summary>
    internal static void Save(string path, nn.Module model, optim.Optimizer optimizer, long step,
        IReadOnlyDictionary<string, string>? settings, BatchPosition? batches, string? extraState, Func<string, Stream>? openTemporary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        OptimizerHelper helper = RequireManagedOptimizer(optimizer);
        ArgumentOutOfRangeException.ThrowIfNegative(step);

        var info = new CheckpointInfo
        {
            Network = NetworkName(model),
            Optimizer = optimizer.GetType().Name,
            OptimizerParameterGroups = helper.state_dict().Options.Count,
            OptimizerParameters = helper.state_dict().State.Count,
            Step = step,
            Settings = new SortedDictionary<string, string>(
                (settings ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
            Batches = batches,
            ExtraState = extraState,
            CreatedUtc = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(JsonSerializer.Serialize(info, CheckpointJsonContext.Default.CheckpointInfo));
            StateDictTensors.Write(writer, model);
            helper.save_state_dict(writer);
            using Tensor generatorState = random.get_rng_state();
            ReadOnlySpan<byte> generatorBytes = generatorState.bytes;
            writer.Write(generatorBytes.Length);
            writer.Write(generatorBytes);
        }

        byte[] buffer = payload.GetBuffer();
        int length = (int)payload.Length;
        Action<Stream> write = stream => CheckpointContainer.Write(stream, buffer.AsSpan(0, length));
        if (openTemporary is null)
        {
            AtomicFile.Write(path, write);
        }
        else
        {
            AtomicFile.Write(path, write, openTemporary);
        }
    }

    /// <summary>
    /// Reads and checks the checkpoint at <paramref name="path"/> and returns its header, without
    /// loading any tensor, so that a program can reject a checkpoint before it loads its data.
    /// </summary>
    /// <param name="path">Checkpoint file.</param>
    /// <param name="expectedSettings">Settings of the run that will load it, compared with the saved ones; null skips the comparison.</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="CheckpointFormatException">The file is not a checkpoint, or is truncated or damaged.</exception>
    /// <exception cref="CheckpointMismatchException">The saved settings differ from <paramref name="expectedSettings"/>.</exception>
    public static CheckpointInfo ReadInfo(string path, IReadOnlyDictionary<string, string>? expectedSettings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using MemoryStream payload = CheckpointContainer.ReadPayload(path);
        using var reader = new BinaryReader(payload);
        CheckpointInfo info = ReadHeader(reader, path);
        if (expectedSettings is not null)
        {
            CheckSettings(info, expectedSettings, path);
        }

        return info;
    }

    /// <summary>
    /// Loads the checkpoint at <paramref name="path"/> into <paramref name="model"/> and
    /// <paramref name="optimizer"/>, sets TorchSharp's CPU random number generator to the saved
    /// state, and returns the header, whose <see cref="CheckpointInfo.Step"/> and
    /// <see cref="CheckpointInfo.Batches"/> tell the caller where to continue.
    /// </summary>
    /// <param name="path">Checkpoint file written by <see cref="Save(string, nn.Module, optim.Optimizer, long, IReadOnlyDictionary{string, string}?, BatchPosition?, string?)"/>.</param>
    /// <param name="model">Network of the same architecture as the saved one, on any device.</param>
    /// <param name="optimizer">
    /// Optimizer of the same type, created from <paramref name="model"/>'s parameters as in the
    /// saved run. Its learning rate and other hyperparameters are replaced by the saved ones.
    /// </param>
    /// <param name="expectedSettings">Settings of the loading run, compared with the saved ones; null skips the comparison.</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="CheckpointFormatException">
    /// The file is not a checkpoint, or is truncated or damaged, and nothing was loaded. Content that
    /// passes the checksum but is malformed (not written by this VatDsl) can leave a partial load.
    /// </exception>
    /// <exception cref="CheckpointMismatchException">
    /// The checkpoint was written for another network, another optimizer or other settings. Nothing was loaded.
    /// </exception>
    public static CheckpointInfo Load(string path, nn.Module model, optim.Optimizer optimizer,
        IReadOnlyDictionary<string, string>? expectedSettings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        OptimizerHelper helper = RequireManagedOptimizer(optimizer);

        using MemoryStream payload = CheckpointContainer.ReadPayload(path);
        using var reader = new BinaryReader(payload);
        CheckpointInfo info = ReadHeader(reader, path);
        if (expectedSettings is not null)
        {
            CheckSettings(info, expectedSettings, path);
        }

        Dictionary<string, Tensor>? saved = null;
        try
        {
            saved = StateDictTensors.Read(reader);
            StateDictTensors.CheckFits(saved, model, path, info.Network);
            CheckOptimizer(info, helper, path);
            StateDictTensors.CopyInto(saved, model);
            helper.load_state_dict(reader);
            int generatorLength = reader.ReadInt32();
            byte[] generatorBytes = reader.ReadBytes(generatorLength);
            using Tensor generatorState = tensor(generatorBytes, ScalarType.Byte);
            random.set_rng_state(generatorState);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            // The checksum matched, so the content is what its writer wrote. That writer was another program or a buggy VatDsl.
            throw new CheckpointFormatException(path,
                $"Checkpoint {path} has a valid checksum but malformed content ({e.Message}). It was not written by this " +
                "version of VatDsl. Start a new run, or resume with the version that wrote it.", e);
        }
        finally
        {
            if (saved is not null)
            {
                StateDictTensors.Dispose(saved);
            }
        }

        return info;
    }

    private static void CheckOptimizer(CheckpointInfo info, OptimizerHelper optimizer, string path)
    {
        if (info.Optimizer != optimizer.GetType().Name)
        {
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} holds the state of a {info.Optimizer} optimizer, but the run uses {optimizer.GetType().Name}. " +
                $"Create a {info.Optimizer} optimizer to resume, or start a new run.");
        }

        // TorchSharp's load_state_dict checks these counts only while it overwrites the state, so they are checked first.
        OptimizerHelper.StateDictionary state = optimizer.state_dict();
        if (info.OptimizerParameterGroups != state.Options.Count || info.OptimizerParameters != state.State.Count)
        {
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} holds optimizer state for {info.OptimizerParameters} parameters in " +
                $"{info.OptimizerParameterGroups} parameter groups, but the optimizer has {state.State.Count} parameters " +
                $"in {state.Options.Count} groups. Create the optimizer from the model's parameters as the saved run did.");
        }
    }

    // Lists every setting whose value differs, or that only one side has, so one error shows all of them.
    private static void CheckSettings(CheckpointInfo info, IReadOnlyDictionary<string, string> expected, string path)
    {
        var differences = new List<string>();
        foreach (string name in info.Settings.Keys.Union(expected.Keys).Order(StringComparer.Ordinal))
        {
            bool inCheckpoint = info.Settings.TryGetValue(name, out string? saved);
            bool inRun = expected.TryGetValue(name, out string? current);
            if (saved != current)
            {
                differences.Add($"{name} is {(inCheckpoint ? saved : "not set")} in the checkpoint and {(inRun ? current : "not set")} in this run");
            }
        }

        if (differences.Count > 0)
        {
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} was written with other settings, so resuming would not continue that run: " +
                $"{string.Join("; ", differences)}. Resume with the checkpoint's settings, or start a new run elsewhere.");
        }
    }

    private static CheckpointInfo ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            string json = reader.ReadString();
            return JsonSerializer.Deserialize(json, CheckpointJsonContext.Default.CheckpointInfo)
                ?? throw new JsonException("The header is null.");
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException)
        {
            throw new CheckpointFormatException(path,
                $"Checkpoint {path} has a valid checksum but an unreadable header ({e.Message}). Start a new run.", e);
        }
    }

    private static OptimizerHelper RequireManagedOptimizer(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return optimizer as OptimizerHelper ?? throw new ArgumentException(
            $"{optimizer.GetType().Name} keeps its state in native code, which TorchSharp 0.107 cannot save. Use one of " +
            "TorchSharp's managed optimizers, such as optim.Adam or optim.SGD.", nameof(optimizer));
    }

    private static string NetworkName(nn.Module model) => model.GetType().FullName ?? model.GetName();
}
